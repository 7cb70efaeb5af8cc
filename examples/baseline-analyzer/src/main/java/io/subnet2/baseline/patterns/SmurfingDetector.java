package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;
import java.util.Arrays;

/**
 * Smurfing: a source pays several low-activity intermediaries ("smurfs") which each forward
 * sub-{@link #SUB_AMOUNT} USD transfers to a few shared collectors. Reported as
 * [source, smurfs..., collectors...]; every smurf is linked to the source and to a listed collector,
 * so the set is connected. A collector counts when at least {@link #MIN_SHARED} of the source's
 * smurfs pay it; the pattern needs at least {@link #MIN_SMURFS} smurfs.
 */
public final class SmurfingDetector implements Detector {

    static final double SUB_AMOUNT = 10_000;
    static final int MAX_SMURF_OUT_DEGREE = 30;
    static final int MAX_SOURCE_OUT_DEGREE = 5_000;
    static final int MIN_SHARED = 2;
    static final int MIN_SMURFS = 3;
    static final int MAX_COLLECTORS = 4;
    static final int MAX_SMURFS = 60;

    @Override
    public String name() {
        return Pattern.SMURFING_NETWORK;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int[][] subReceivers = subReceivers(g);
        int[] shared = new int[g.n];
        int[] touched = new int[g.n];
        boolean[] isCollector = new boolean[g.n];
        for (int src = 0; src < g.n; src++) {
            int degree = g.outDegree(src);
            if (degree < MIN_SMURFS || degree > MAX_SOURCE_OUT_DEGREE) {
                continue;
            }
            int nTouched = 0;
            for (int k = g.outNbrOff[src]; k < g.outNbrOff[src + 1]; k++) {
                int m = g.outNbr[k];
                if (m == src || subReceivers[m] == null) {
                    continue;
                }
                for (int c : subReceivers[m]) {
                    if (c != src && shared[c]++ == 0) {
                        touched[nTouched++] = c;
                    }
                }
            }
            int[] collectors = collectors(touched, nTouched, shared);
            for (int i = 0; i < nTouched; i++) {
                shared[touched[i]] = 0;
            }
            if (collectors.length == 0) {
                continue;
            }
            for (int c : collectors) {
                isCollector[c] = true;
            }
            int[] members = new int[1 + MAX_SMURFS + collectors.length];
            members[0] = src;
            int n = 1;
            int clean = 0;
            for (int k = g.outNbrOff[src]; k < g.outNbrOff[src + 1] && n < 1 + MAX_SMURFS; k++) {
                int m = g.outNbr[k];
                if (m == src || isCollector[m] || subReceivers[m] == null || !paysAny(subReceivers[m], isCollector)) {
                    continue;
                }
                members[n++] = m;
                clean += subReceivers[m].length == g.outDegree(m) ? 1 : 0;
            }
            int smurfs = n - 1;
            for (int c : collectors) {
                isCollector[c] = false;
                members[n++] = c;
            }
            if (smurfs >= MIN_SMURFS) {
                double size = Math.min(1.0, smurfs / 5.0);
                sink.add(name(), Arrays.copyOf(members, n), Flow.shapeOnly(0.4 + 0.3 * size + 0.3 * clean / smurfs));
            }
        }
    }

    /** Collectors paid by at least MIN_SHARED smurfs: most shared first, then lowest id. */
    private static int[] collectors(int[] touched, int nTouched, int[] shared) {
        long[] ranked = new long[nTouched];
        int k = 0;
        for (int i = 0; i < nTouched; i++) {
            int c = touched[i];
            if (shared[c] >= MIN_SHARED) {
                ranked[k++] = ((long) (Integer.MAX_VALUE - shared[c]) << 32) | c;
            }
        }
        Arrays.sort(ranked, 0, k);
        int[] out = new int[Math.min(k, MAX_COLLECTORS)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) ranked[i];
        }
        return out;
    }

    private static boolean paysAny(int[] receivers, boolean[] isCollector) {
        for (int c : receivers) {
            if (isCollector[c]) {
                return true;
            }
        }
        return false;
    }

    /** Per low-activity address, its distinct receivers of sub-threshold transfers (null otherwise). */
    private static int[][] subReceivers(Graph g) {
        int[][] out = new int[g.n][];
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        for (int m = 0; m < g.n; m++) {
            if (g.outDegree(m) == 0 || g.outDegree(m) > MAX_SMURF_OUT_DEGREE || g.inDegree(m) == 0) {
                continue;
            }
            int[] receivers = new int[g.outDegree(m)];
            int k = 0;
            for (int i = g.outOff[m]; i < g.outOff[m + 1]; i++) {
                int tx = g.outTx[i];
                int c = to[tx];
                if (c != m && usd[tx] < SUB_AMOUNT && !CycleDetector.contains(receivers, k, c)) {
                    receivers[k++] = c;
                }
            }
            out[m] = k == 0 ? null : Arrays.copyOf(receivers, k);
        }
        return out;
    }
}
