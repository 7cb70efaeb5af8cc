package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Cycles a1 -> ... -> ak -> a1 (3 <= k <= 6) whose hops all lie within {@link #WINDOW_MS} of the
 * first hop and whose consecutive amounts differ by at most a factor {@link #RATIO}: money that
 * goes round and comes back. Each cycle is searched from its smallest address id only; hubs are not
 * traversed and every start has a step budget, so the search stays bounded on heavy-tailed graphs.
 */
public final class CycleDetector implements Detector {

    static final long WINDOW_MS = 48 * 3_600_000L;
    static final double RATIO = 1.5;
    /** Smallest over largest hop amount of a cycle that passes the same funds round. */
    static final double CONSERVED = 0.95;
    static final int MIN_LEN = 3;
    static final int MAX_LEN = 6;
    static final int MAX_SCAN = 64;
    static final int MAX_HUB_DEGREE = 500;
    static final int STEP_BUDGET = 20_000;
    static final int MAX_PER_START = 20;

    private Graph g;
    private PatternSink sink;
    private final int[] path = new int[MAX_LEN];
    private final double[] amounts = new double[MAX_LEN];
    private final int[][] triedAt = new int[MAX_LEN + 1][MAX_SCAN];
    private int steps;
    private int found;

    @Override
    public String name() {
        return Pattern.CYCLE;
    }

    @Override
    public void run(Graph graph, PatternSink out) {
        this.g = graph;
        this.sink = out;
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        for (int s = 0; s < g.n; s++) {
            if (g.inDegree(s) == 0 || g.outDegree(s) == 0 || g.outDegree(s) > MAX_HUB_DEGREE) {
                continue;
            }
            steps = 0;
            found = 0;
            path[0] = s;
            for (int i = g.outOff[s]; i < g.outOff[s + 1] && steps < STEP_BUDGET && found < MAX_PER_START; i++) {
                int tx = g.outTx[i];
                int v = to[tx];
                if (v <= s || g.outDegree(v) > MAX_HUB_DEGREE || !(usd[tx] > 0)) {
                    continue;
                }
                path[1] = v;
                amounts[0] = usd[tx];
                extend(2, ts[tx], usd[tx]);
            }
        }
    }

    private void extend(int depth, long t0, double prev) {
        int cur = path[depth - 1];
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        int[] tried = triedAt[depth];
        int triedCount = 0;
        int end = g.outOff[cur + 1];
        int scanned = 0;
        for (int i = g.firstOutAtOrAfter(cur, t0 - WINDOW_MS); i < end && scanned < MAX_SCAN; i++, scanned++) {
            int tx = g.outTx[i];
            if (ts[tx] > t0 + WINDOW_MS || ++steps > STEP_BUDGET || found >= MAX_PER_START) {
                return;
            }
            double amount = usd[tx];
            int v = to[tx];
            if (!similar(prev, amount) || v < path[0] || contains(tried, triedCount, v)) {
                continue;
            }
            tried[triedCount++] = v;
            amounts[depth - 1] = amount;
            if (v == path[0]) {
                if (depth >= MIN_LEN) {
                    emit(depth);
                }
            } else if (depth < MAX_LEN && !contains(path, depth, v) && g.outDegree(v) <= MAX_HUB_DEGREE) {
                path[depth] = v;
                extend(depth + 1, t0, amount);
            }
        }
    }

    private void emit(int length) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < length; i++) {
            min = Math.min(min, amounts[i]);
            max = Math.max(max, amounts[i]);
        }
        int[] cycle = new int[length];
        System.arraycopy(path, 0, cycle, 0, length);
        double kept = min / max;
        sink.add(Pattern.CYCLE, cycle, kept >= CONSERVED ? Flow.EVIDENCE + 0.1 * (kept - CONSERVED) / (1 - CONSERVED)
                : Flow.shapeOnly(kept));
        found++;
    }

    static boolean similar(double a, double b) {
        return a > 0 && b > 0 && a <= b * RATIO && b <= a * RATIO;
    }

    static boolean contains(int[] values, int count, int v) {
        for (int i = 0; i < count; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }
}
