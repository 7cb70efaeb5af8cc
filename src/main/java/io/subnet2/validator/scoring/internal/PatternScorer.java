package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subnet2.validator.scoring.InvalidReason;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.scoring.TypeRecall;

/**
 * Scoring v2 (integrity.md "Scoring rules"): duplicates, confidences and verification decide which
 * patterns are valid; the patterns are ranked by confidence (descending; equal confidences in file
 * order) and walked greedily: a valid pattern matching an instance not yet found is a hit, every other
 * pattern a miss, and within a group of equal confidence the misses count before the hits. From the
 * walk: average precision (pattern_accuracy), recall, precision and per-type recall; novelty as in v1.
 */
public final class PatternScorer {

    /** Pattern components and the counts behind them. */
    public record Outcome(double averagePrecision, double recall, double precision, double novelty, int reported,
                          int valid, Map<String, Integer> invalidByReason, int instancesCounted, int instancesFound,
                          int novelPatterns, Map<String, TypeRecall> recallByType) {
    }

    private record SetKey(int type, int[] sorted) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetKey k && k.type == type && Arrays.equals(k.sorted, sorted);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(sorted);
        }
    }

    private PatternScorer() {
    }

    public static Outcome score(ReportedPatterns patterns, PatternVerifier verifier,
                                List<ReferenceData.Instance> instances, int addresses,
                                ScoringProperties.Rules rules) {
        BitSet truth = new BitSet(addresses);
        boolean[] counted = new boolean[instances.size()];
        int countedTotal = 0;
        for (int j = 0; j < instances.size(); j++) {
            int[] reach = instances.get(j).reachable();
            for (int id : reach) {
                truth.set(id);
            }
            counted[j] = reach.length >= 2;
            countedTotal += counted[j] ? 1 : 0;
        }
        int n = patterns.count();
        BitSet valid = new BitSet(n);
        double[] keys = new double[n];
        int[] reasons = new int[InvalidReason.values().length];
        int novel = judge(patterns, verifier, truth, valid, keys, reasons);

        InstanceMatcher matcher = new InstanceMatcher(instances, counted, addresses, rules.recallCoverage(),
                rules.matchPurity());
        boolean[] found = new boolean[instances.size()];
        int[] order = new int[n];
        int[] groups = rankByConfidence(keys, order);
        int hits = 0;
        long seen = 0;
        double precisionSum = 0;
        for (int g = 0; g + 1 < groups.length; g++) {
            int groupHits = 0;
            for (int k = groups[g]; k < groups[g + 1]; k++) {
                int i = order[k];
                if (valid.get(i)) {
                    int instance = matcher.best(patterns.addressesOf(i), found);
                    if (instance >= 0) {
                        found[instance] = true;
                        groupHits++;
                    }
                }
            }
            seen += groups[g + 1] - groups[g] - groupHits;
            for (int h = 0; h < groupHits; h++) {
                hits++;
                seen++;
                precisionSum += (double) hits / seen;
            }
        }

        Map<String, int[]> byType = new TreeMap<>();
        for (int j = 0; j < instances.size(); j++) {
            if (counted[j]) {
                int[] c = byType.computeIfAbsent(instances.get(j).type(), t -> new int[2]);
                c[0]++;
                c[1] += found[j] ? 1 : 0;
            }
        }
        Map<String, TypeRecall> recallByType = new TreeMap<>();
        byType.forEach((type, c) -> recallByType.put(type, TypeRecall.of(c[0], c[1])));
        double ap = countedTotal == 0 ? 0 : precisionSum / countedTotal;
        double recall = countedTotal == 0 ? 0 : (double) hits / countedTotal;
        double precision = n == 0 ? 0 : (double) hits / n;
        double cap = countedTotal * rules.noveltyCapFraction();
        double novelty = cap <= 0 ? 0 : Math.min(novel, cap) / cap;
        Map<String, Integer> byReason = new TreeMap<>();
        for (InvalidReason reason : InvalidReason.values()) {
            byReason.put(reason.id(), reasons[reason.ordinal()]);
        }
        return new Outcome(ap, recall, precision, novelty, n, valid.cardinality(), byReason, countedTotal, hits,
                novel, recallByType);
    }

    /**
     * Sets {@code valid} and the ranking key of each pattern (its confidence; +∞ for a bad one, so an
     * invalid confidence ranks first, as a miss), counts invalid patterns by reason, and returns how
     * many valid patterns share no address with any instance.
     */
    private static int judge(ReportedPatterns patterns, PatternVerifier verifier, BitSet truth, BitSet valid,
                             double[] keys, int[] reasons) {
        BitSet seenIds = new BitSet();
        Map<SetKey, Boolean> seenSets = new HashMap<>();
        int novel = 0;
        for (int i = 0; i < patterns.count(); i++) {
            int[] listed = patterns.addressesOf(i);
            int[] sorted = listed.clone();
            Arrays.sort(sorted);
            boolean duplicate = seenSets.putIfAbsent(new SetKey(patterns.type(i), sorted), Boolean.TRUE) != null;
            int id = patterns.id(i);
            if (id >= 0) {
                duplicate |= seenIds.get(id);
                seenIds.set(id);
            }
            double confidence = patterns.confidence(i);
            boolean finite = Double.isFinite(confidence);
            keys[i] = finite ? confidence + 0.0 : Double.POSITIVE_INFINITY; // + 0.0: -0.0 ties with 0.0
            InvalidReason reason = duplicate ? InvalidReason.DUPLICATE
                    : !finite ? InvalidReason.BAD_CONFIDENCE
                    : verifier.verify(patterns.type(i), listed);
            if (reason != null) {
                reasons[reason.ordinal()]++;
                continue;
            }
            valid.set(i);
            boolean sharesTruth = false;
            for (int address : listed) {
                sharesTruth |= truth.get(address);
            }
            if (!sharesTruth) {
                novel++;
            }
        }
        return novel;
    }

    /**
     * Fills {@code order} with the pattern indexes by key descending, equal keys in file order (a
     * stable counting sort over the distinct keys), and returns the start of each group of equal keys
     * in {@code order}, plus its end.
     */
    static int[] rankByConfidence(double[] keys, int[] order) {
        double[] distinct = keys.clone();
        Arrays.sort(distinct);
        int d = 0;
        for (int k = 0; k < distinct.length; k++) {
            if (d == 0 || Double.compare(distinct[k], distinct[d - 1]) != 0) {
                distinct[d++] = distinct[k];
            }
        }
        int[] group = new int[keys.length];
        int[] starts = new int[d + 1];
        for (int i = 0; i < keys.length; i++) {
            group[i] = d - 1 - Arrays.binarySearch(distinct, 0, d, keys[i]);
            starts[group[i] + 1]++;
        }
        for (int g = 0; g < d; g++) {
            starts[g + 1] += starts[g];
        }
        int[] next = Arrays.copyOf(starts, d);
        for (int i = 0; i < keys.length; i++) {
            order[next[group[i]]++] = i;
        }
        return starts;
    }
}
