package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Layering chains a1 -> a2 -> ... -> ak (k >= 4) of distinct addresses where each hop is a later
 * transfer (non-decreasing time, at most {@link #MAX_GAP_MS} after the previous hop) carrying
 * {@link #MIN_KEEP}..{@link #MAX_KEEP} of the previous hop's amount: funds pushed onward, slightly
 * reduced (fees, peeled side payments). Only maximal chains are reported: a chain starts at a hop
 * that no matching earlier hop feeds, and is reported where it cannot be extended. Busy addresses
 * (more than {@link #MAX_RELAY_OUT_DEGREE} receivers) are not followed as intermediaries, and chains
 * through quiet relays rank first.
 */
public final class LayeringDetector implements Detector {

    static final long MAX_GAP_MS = 48 * 3_600_000L;
    static final double MIN_KEEP = 0.75;
    static final double MAX_KEEP = 1.01;
    static final int MIN_NODES = 4;
    static final long CASH_OUT_MS = 10 * Flow.HOUR_MS;
    static final int MAX_NODES = 10;
    static final int MAX_SCAN = 32;
    static final int BRANCH = 2;
    static final int STEP_BUDGET = 256;
    /** Intermediaries forward funds; an address paying more receivers than this is no relay. */
    static final int MAX_RELAY_OUT_DEGREE = 50;
    /** A relay with at most this many transfers in all looks like a throw-away layering address. */
    static final int QUIET_RELAY_TRANSFERS = 4;

    private Graph g;
    private PatternSink sink;
    private final int[] path = new int[MAX_NODES];
    private final double[] ratios = new double[MAX_NODES];
    private int steps;

    @Override
    public String name() {
        return Pattern.LAYERING_PATH;
    }

    @Override
    public void run(Graph graph, PatternSink out) {
        this.g = graph;
        this.sink = out;
        int[] to = g.t.to();
        for (int a = 0; a < g.n; a++) {
            for (int i = g.outOff[a]; i < g.outOff[a + 1]; i++) {
                int tx = g.outTx[i];
                if (to[tx] == a || !(g.t.usd()[tx] > 0) || fed(a, tx)) {
                    continue;
                }
                steps = 0;
                path[0] = a;
                path[1] = to[tx];
                extend(2, tx);
            }
        }
    }

    /** Whether an earlier matching hop into a's first hop exists (then the chain starts earlier). */
    private boolean fed(int a, int first) {
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        long t0 = ts[first];
        int lo = g.firstInAtOrAfter(a, t0 - MAX_GAP_MS);
        int scanned = 0;
        for (int i = lo; i < g.inOff[a + 1] && scanned < MAX_SCAN; i++, scanned++) {
            int tx = g.inTx[i];
            if (ts[tx] > t0) {
                break;
            }
            int from = g.t.from()[tx];
            if (from != a && from != g.t.to()[first] && keeps(usd[tx], usd[first])) {
                return true;
            }
        }
        return false;
    }

    private void extend(int nodes, int last) {
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        int cur = path[nodes - 1];
        int taken = 0;
        if (nodes < MAX_NODES && g.outDegree(cur) <= MAX_RELAY_OUT_DEGREE) { // a busy address ends the chain
            long t = ts[last];
            int scanned = 0;
            for (int i = g.firstOutAtOrAfter(cur, t); i < g.outOff[cur + 1] && scanned < MAX_SCAN
                    && taken < BRANCH && steps < STEP_BUDGET; i++, scanned++) {
                int tx = g.outTx[i];
                if (ts[tx] > t + MAX_GAP_MS) {
                    break;
                }
                int v = to[tx];
                if (!keeps(usd[last], usd[tx]) || CycleDetector.contains(path, nodes, v)) {
                    continue;
                }
                steps++;
                taken++;
                path[nodes] = v;
                ratios[nodes - 1] = usd[tx] / usd[last];
                extend(nodes + 1, tx);
            }
        }
        if (taken == 0 && nodes >= MIN_NODES) {
            emit(nodes, last);
        }
    }

    private void emit(int nodes, int last) {
        int steady = 0;
        for (int i = 1; i < nodes - 1; i++) {
            steady += ratios[i] >= 0.85 && ratios[i] <= 1.0 ? 1 : 0;
        }
        int quiet = 0;
        for (int i = 1; i < nodes - 1; i++) {
            int v = path[i];
            int transfers = g.outOff[v + 1] - g.outOff[v] + g.inOff[v + 1] - g.inOff[v];
            quiet += transfers <= QUIET_RELAY_TRANSFERS ? 1 : 0;
        }
        int[] chain = new int[nodes];
        System.arraycopy(path, 0, chain, 0, nodes);
        double lengthBonus = Math.min(1.0, (nodes - 3) / 3.0);
        double relays = nodes - 2.0;
        double shape = 0.3 + 0.2 * steady / relays + 0.2 * lengthBonus + 0.3 * quiet / relays;
        sink.add(Pattern.LAYERING_PATH, chain, cashedOut(chain[nodes - 1], last)
                ? Flow.EVIDENCE + 0.05 * shape : Flow.shapeOnly(shape));
    }

    /** Whether the chain's end passed on exactly what the last hop brought, soon after. */
    private boolean cashedOut(int end, int last) {
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        for (int i = g.firstOutAtOrAfter(end, ts[last]); i < g.outOff[end + 1]; i++) {
            int tx = g.outTx[i];
            if (ts[tx] > ts[last] + CASH_OUT_MS) {
                return false;
            }
            if (Flow.same(usd[tx], usd[last])) {
                return true;
            }
        }
        return false;
    }

    /** next carries MIN_KEEP..MAX_KEEP of prev. */
    static boolean keeps(double prev, double next) {
        return prev > 0 && next >= prev * MIN_KEEP && next <= prev * MAX_KEEP;
    }
}
