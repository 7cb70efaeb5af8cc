package io.subnet2.baseline.patterns;

import io.subnet2.baseline.features.FeatureComputer;
import io.subnet2.baseline.graph.Graph;
import java.util.Arrays;

/**
 * Threshold evasion (structuring): an address sending at least {@link #MIN_TRANSFERS} transfers
 * just under one reporting threshold T (amount_usd in [0.8 T, T)); reported once per such T as
 * [sender, receivers of those transfers]. The transfers of the busiest {@link #WINDOW_MS} are
 * listed; when the address was funded shortly before with their total plus a 5% margin (the
 * structurer's float), the pattern is backed by conserved amounts.
 */
public final class ThresholdDetector implements Detector {

    static final int MIN_TRANSFERS = 5;
    static final int MAX_LISTED = 200;
    static final long WINDOW_MS = 36 * Flow.HOUR_MS;
    static final long FUNDING_MS = 6 * Flow.HOUR_MS + 60_000;

    @Override
    public String name() {
        return Pattern.THRESHOLD_EVASION;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int thresholds = FeatureComputer.THRESHOLDS.length;
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        long[] ts = g.t.ts();
        int[] near = new int[64];
        boolean[] seen = new boolean[g.n];
        for (int a = 0; a < g.n; a++) {
            int sent = g.outOff[a + 1] - g.outOff[a];
            if (sent < MIN_TRANSFERS) {
                continue;
            }
            if (near.length < sent) {
                near = new int[sent];
            }
            for (int k = 0; k < thresholds; k++) {
                int count = 0;
                for (int i = g.outOff[a]; i < g.outOff[a + 1]; i++) {
                    int tx = g.outTx[i];
                    if (to[tx] != a && FeatureComputer.nearThreshold(usd[tx]) == k) {
                        near[count++] = tx;
                    }
                }
                if (count < MIN_TRANSFERS) {
                    continue;
                }
                // the busiest window of near-threshold sends (time ordered)
                int best = 0;
                int bestStart = 0;
                for (int lo = 0, hi = 0; hi < count; hi++) {
                    while (ts[near[hi]] - ts[near[lo]] > WINDOW_MS) {
                        lo++;
                    }
                    if (hi - lo + 1 > best) {
                        best = hi - lo + 1;
                        bestStart = lo;
                    }
                }
                int[] members = new int[1 + Math.min(best, MAX_LISTED)];
                members[0] = a;
                int n = 1;
                double total = 0;
                for (int i = bestStart; i < bestStart + best; i++) {
                    total += usd[near[i]];
                    int v = to[near[i]];
                    if (!seen[v] && n < members.length) {
                        seen[v] = true;
                        members[n++] = v;
                    }
                }
                for (int i = 1; i < n; i++) {
                    seen[members[i]] = false;
                }
                if (n - 1 < MIN_TRANSFERS) {
                    continue;
                }
                double confidence = funded(g, a, ts[near[bestStart]], total)
                        ? Flow.EVIDENCE + 0.05 * Math.min(1.0, best / 10.0)
                        : Flow.shapeOnly(0.5 + 0.5 * best / sent);
                sink.add(name(), Arrays.copyOf(members, n), confidence);
            }
        }
    }

    /** Whether a received the sends' total plus 5% shortly before the first send. */
    private static boolean funded(Graph g, int a, long firstSend, double total) {
        double expected = total + Math.floor(total * 1e6 / 20 + 1e-6) / 1e6;
        double[] usd = g.t.usd();
        for (int i = g.firstInAtOrAfter(a, firstSend - FUNDING_MS); i < g.inOff[a + 1]; i++) {
            int tx = g.inTx[i];
            if (g.t.ts()[tx] > firstSend) {
                break;
            }
            if (Math.abs(usd[tx] - expected) <= 1e-5 + 1e-9 * expected) {
                return true;
            }
        }
        return false;
    }
}
