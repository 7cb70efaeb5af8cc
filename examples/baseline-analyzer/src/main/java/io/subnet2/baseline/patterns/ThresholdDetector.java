package io.subnet2.baseline.patterns;

import io.subnet2.baseline.features.FeatureComputer;
import io.subnet2.baseline.graph.Graph;
import java.util.Arrays;

/**
 * Threshold evasion (structuring): an address sending at least {@link #MIN_TRANSFERS} transfers
 * just under one reporting threshold T (amount_usd in [0.8 T, T)); reported once per such T as
 * [sender, receivers of those transfers].
 */
public final class ThresholdDetector implements Detector {

    static final int MIN_TRANSFERS = 5;
    static final int MAX_LISTED = 200;

    @Override
    public String name() {
        return Pattern.THRESHOLD_EVASION;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int thresholds = FeatureComputer.THRESHOLDS.length;
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        int[] counts = new int[thresholds];
        boolean[] seen = new boolean[g.n];
        for (int a = 0; a < g.n; a++) {
            int sent = g.outOff[a + 1] - g.outOff[a];
            if (sent < MIN_TRANSFERS) {
                continue;
            }
            Arrays.fill(counts, 0);
            for (int i = g.outOff[a]; i < g.outOff[a + 1]; i++) {
                int tx = g.outTx[i];
                int k = FeatureComputer.nearThreshold(usd[tx]);
                if (k >= 0 && to[tx] != a) {
                    counts[k]++;
                }
            }
            for (int k = 0; k < thresholds; k++) {
                if (counts[k] < MIN_TRANSFERS) {
                    continue;
                }
                int[] members = new int[1 + Math.min(counts[k], MAX_LISTED)];
                members[0] = a;
                int n = 1;
                for (int i = g.outOff[a]; i < g.outOff[a + 1] && n < members.length; i++) {
                    int tx = g.outTx[i];
                    int v = to[tx];
                    if (v != a && !seen[v] && FeatureComputer.nearThreshold(usd[tx]) == k) {
                        seen[v] = true;
                        members[n++] = v;
                    }
                }
                for (int i = 1; i < n; i++) {
                    seen[members[i]] = false;
                }
                sink.add(name(), Arrays.copyOf(members, n), 0.5 + 0.5 * counts[k] / sent);
            }
        }
    }
}
