package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Temporal bursts: the window of less than one hour holding the most of an address's transfers (sent
 * or received, each transfer once); reported as [a, counterparts in that window] when it holds at
 * least {@link #MIN_TRANSFERS}. Confidence rises with the share of the address's activity in it.
 */
public final class BurstDetector implements Detector {

    /** Strictly below 3600 s, so the window fits any reading of "within 3600 s". */
    static final long SPAN_MS = 3_600_000L - 1;
    static final int MIN_TRANSFERS = 10;
    static final int MAX_LISTED = 200;
    static final double SURPRISE = 8;

    @Override
    public String name() {
        return Pattern.TEMPORAL_BURST;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        long[] ts = g.t.ts();
        int[] from = g.t.from();
        int[] to = g.t.to();
        int[] merged = new int[16];
        boolean[] seen = new boolean[g.n];
        for (int a = 0; a < g.n; a++) {
            int total = g.outOff[a + 1] - g.outOff[a] + g.inOff[a + 1] - g.inOff[a];
            if (total < MIN_TRANSFERS) {
                continue;
            }
            if (merged.length < total) {
                merged = new int[Math.max(total, merged.length * 2)];
            }
            int m = merge(g, a, merged);
            int best = 0;
            int bestStart = 0;
            int lo = 0;
            for (int hi = 0; hi < m; hi++) {
                while (ts[merged[hi]] - ts[merged[lo]] > SPAN_MS) {
                    lo++;
                }
                if (hi - lo + 1 > best) {
                    best = hi - lo + 1;
                    bestStart = lo;
                }
            }
            if (best < MIN_TRANSFERS) {
                continue;
            }
            int[] members = new int[1 + Math.min(best, MAX_LISTED)];
            members[0] = a;
            int k = 1;
            for (int i = bestStart; i < bestStart + best && k < members.length; i++) {
                int tx = merged[i];
                int v = from[tx] == a ? to[tx] : from[tx];
                if (v != a && !seen[v]) {
                    seen[v] = true;
                    members[k++] = v;
                }
            }
            for (int i = 1; i < k; i++) {
                seen[members[i]] = false;
            }
            if (k >= 2) {
                int[] out = new int[k];
                System.arraycopy(members, 0, out, 0, k);
                sink.add(name(), out, confidence(best, m, ts[merged[m - 1]] - ts[merged[0]]));
            }
        }
    }

    /**
     * How unlikely the burst is at the address's own pace: {@code best} transfers in one window
     * against the {@code m / (span / window)} expected there. A burst of {@link #SURPRISE} times the
     * expected count or more is evidence; less is shape only.
     */
    static double confidence(int best, int m, long spanMs) {
        double windows = Math.max(1.0, (double) spanMs / SPAN_MS);
        double ratio = best / Math.max(1.0, m / windows);
        return ratio >= SURPRISE ? Flow.EVIDENCE + 0.05 * Math.min(1.0, (ratio - SURPRISE) / SURPRISE)
                : Flow.shapeOnly(ratio / SURPRISE);
    }

    /** a's transfers in time order (a self-transfer once). */
    private static int merge(Graph g, int a, int[] out) {
        long[] ts = g.t.ts();
        int[] from = g.t.from();
        int i = g.outOff[a];
        int j = g.inOff[a];
        int k = 0;
        while (i < g.outOff[a + 1] || j < g.inOff[a + 1]) {
            boolean takeOut = j >= g.inOff[a + 1]
                    || (i < g.outOff[a + 1] && ts[g.outTx[i]] <= ts[g.inTx[j]]);
            int tx = takeOut ? g.outTx[i++] : g.inTx[j++];
            if (takeOut || from[tx] != a) {
                out[k++] = tx;
            }
        }
        return k;
    }
}
