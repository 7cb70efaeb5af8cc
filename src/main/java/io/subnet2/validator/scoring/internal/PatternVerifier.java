package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.BitSet;

import io.subnet2.validator.dataset.PatternType;
import io.subnet2.validator.scoring.InvalidReason;
import io.subnet2.validator.scoring.ScoringProperties;

/**
 * The per-type rules of scoring.md §2 and the size bounds of integrity.md against the run's transfer
 * index. Returns null when valid.
 */
public final class PatternVerifier {

    private static final PatternType[] TYPES = PatternType.values();

    private final TransferIndex index;
    private final BitSet flagged;
    private final ScoringProperties.Rules rules;
    private final long windowMs;

    public PatternVerifier(TransferIndex index, BitSet flagged, ScoringProperties.Rules rules) {
        this.index = index;
        this.flagged = flagged;
        this.rules = rules;
        this.windowMs = rules.burstWindowSeconds() * 1000L;
    }

    public InvalidReason verify(int typeOrdinal, int[] a) {
        if (typeOrdinal < 0 || typeOrdinal >= TYPES.length) {
            return InvalidReason.UNKNOWN_TYPE;
        }
        PatternType type = TYPES[typeOrdinal];
        if (a.length > rules.maxAddresses().of(type)) {
            return InvalidReason.TOO_MANY_ADDRESSES;
        }
        if (a.length < minAddresses(type)) {
            return InvalidReason.TOO_FEW_ADDRESSES;
        }
        for (int id : a) {
            if (id < 0) {
                return InvalidReason.UNKNOWN_ADDRESS;
            }
        }
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return InvalidReason.REPEATED_ADDRESS;
            }
        }
        return switch (type) {
            case CYCLE -> cycle(a);
            case LAYERING_PATH -> layering(a);
            case MOTIF_FANIN -> star(a, true);
            case MOTIF_FANOUT -> star(a, false);
            case SMURFING_NETWORK -> connected(a, sorted) ? null : InvalidReason.RULE_NOT_MET;
            case PROXIMITY_RISK -> proximity(a);
            case TEMPORAL_BURST -> burst(a);
            case THRESHOLD_EVASION -> threshold(a);
        };
    }

    private int minAddresses(PatternType type) {
        return switch (type) {
            case CYCLE -> rules.cycleMinAddresses();
            case LAYERING_PATH -> rules.layeringMinAddresses();
            case MOTIF_FANIN, MOTIF_FANOUT -> rules.motifMinLeaves() + 1;
            case SMURFING_NETWORK -> rules.smurfingMinMembers();
            case PROXIMITY_RISK -> rules.proximityMinAddresses();
            case TEMPORAL_BURST -> rules.burstMinAddresses();
            case THRESHOLD_EVASION -> rules.thresholdMinAddresses();
        };
    }

    private InvalidReason cycle(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!index.hasEdge(a[i], a[(i + 1) % a.length])) {
                return InvalidReason.MISSING_EDGE;
            }
        }
        return null;
    }

    private InvalidReason layering(int[] a) {
        for (int i = 0; i + 1 < a.length; i++) {
            if (!index.hasEdge(a[i], a[i + 1])) {
                return InvalidReason.MISSING_EDGE;
            }
        }
        long time = Long.MIN_VALUE;
        for (int i = 0; i + 1 < a.length; i++) {
            time = index.earliestEdge(a[i], a[i + 1], time);
            if (time == Long.MIN_VALUE) {
                return InvalidReason.NOT_TIME_ORDERED;
            }
        }
        return null;
    }

    private InvalidReason star(int[] a, boolean inward) {
        int center = a[0];
        for (int j = 1; j < a.length; j++) {
            if (!(inward ? index.hasEdge(a[j], center) : index.hasEdge(center, a[j]))) {
                return InvalidReason.MISSING_EDGE;
            }
        }
        return null;
    }

    /** Union-find over the members with edges (either direction) inside the set. */
    private boolean connected(int[] a, int[] sorted) {
        int n = a.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int components = n;
        for (int i = 0; i < n && components > 1; i++) {
            int x = sorted[i];
            if (index.degreeRows(x) <= n) {
                for (int k = 0; k < index.degreeRows(x); k++) {
                    int j = Arrays.binarySearch(sorted, index.neighbourAt(x, k));
                    if (j >= 0 && union(parent, i, j)) {
                        components--;
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {
                    if (j != i && index.hasEitherEdge(x, sorted[j]) && union(parent, i, j)) {
                        components--;
                    }
                }
            }
        }
        return components == 1;
    }

    private static boolean union(int[] parent, int i, int j) {
        int ri = root(parent, i);
        int rj = root(parent, j);
        if (ri == rj) {
            return false;
        }
        parent[Math.max(ri, rj)] = Math.min(ri, rj);
        return true;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private InvalidReason proximity(int[] a) {
        for (int i = 0; i + 1 < a.length; i++) {
            if (!index.hasEitherEdge(a[i], a[i + 1])) {
                return InvalidReason.MISSING_EDGE;
            }
        }
        return flagged.get(a[a.length - 1]) ? null : InvalidReason.NOT_FLAGGED;
    }

    /**
     * A window [x, x + W] holding at least burstMinTransfers transfers of a and one transfer with
     * each listed counterpart. Such a window can always be shifted right until it starts at one of
     * a's transfers, so only those starts are tried (at most burstMaxCandidates per pattern), near
     * the transfers with the rarest counterpart.
     */
    private InvalidReason burst(int[] a) {
        int center = a[0];
        int rarest = -1;
        int rarestCount = Integer.MAX_VALUE;
        for (int j = 1; j < a.length; j++) {
            int count = index.pairCount(center, a[j]);
            if (count == 0) {
                return InvalidReason.MISSING_EDGE;
            }
            if (count < rarestCount) {
                rarestCount = count;
                rarest = a[j];
            }
        }
        long[] times = index.eventTimes(center);
        if (times.length < rules.burstMinTransfers()) {
            return InvalidReason.RULE_NOT_MET;
        }
        int budget = rules.burstMaxCandidates();
        long lastStart = Long.MIN_VALUE;
        long t = index.pairAfter(center, rarest, Long.MIN_VALUE);
        while (t != Long.MAX_VALUE) {
            int i = lowerBound(times, Math.max(t - windowMs, lastStart == Long.MIN_VALUE ? Long.MIN_VALUE
                    : lastStart + 1));
            for (; i < times.length && times[i] <= t; i++) {
                long x = times[i];
                if (x == lastStart) {
                    continue;
                }
                lastStart = x;
                if (--budget < 0) {
                    return InvalidReason.RULE_NOT_MET;
                }
                if (lowerBound(times, x + windowMs + 1) - i >= rules.burstMinTransfers() && allIn(a, x)) {
                    return null;
                }
            }
            t = t == Long.MAX_VALUE - 1 ? Long.MAX_VALUE : index.pairAfter(center, rarest, t + 1);
        }
        return InvalidReason.RULE_NOT_MET;
    }

    private boolean allIn(int[] a, long x) {
        for (int j = 1; j < a.length; j++) {
            if (index.pairAfter(a[0], a[j], x) > x + windowMs) {
                return false;
            }
        }
        return true;
    }

    private static int lowerBound(long[] times, long value) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private InvalidReason threshold(int[] a) {
        int sender = a[0];
        int kinds = Math.min(rules.thresholdValues().size(), 8);
        for (int t = 0; t < kinds; t++) {
            if (index.bandCount(sender, t) < rules.thresholdMinTransfers()) {
                continue;
            }
            boolean all = true;
            for (int j = 1; j < a.length && all; j++) {
                all = index.bandEdge(sender, a[j], t);
            }
            if (all) {
                return null;
            }
        }
        return InvalidReason.RULE_NOT_MET;
    }
}
