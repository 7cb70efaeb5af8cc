package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Proximity by money flow: funds leave a flagged address and are passed on, a few percent less at
 * each hop ({@link #MIN_KEEP}..{@link #MAX_KEEP} of the previous amount, within {@link #HOP_MS}),
 * until an address cashes them out to a hub (within {@link #CASH_OUT_MS}). Reported as [a, .., f] for the address a that cashed
 * out, up to {@link #MAX_HOPS} hops from f.
 */
public final class FlaggedFlowDetector implements Detector {

    static final int MAX_HOPS = 3;
    static final double MIN_KEEP = 0.94;
    static final double MAX_KEEP = 0.995;
    static final long HOP_MS = 6 * Flow.HOUR_MS + 60_000;
    /** The cash-out may follow the last hop by two hop gaps. */
    static final long CASH_OUT_MS = 2 * HOP_MS;
    static final int MAX_SCAN = 64;

    private final boolean[] flagged;
    private Graph g;
    private PatternSink sink;
    private int hub;
    private final int[] path = new int[MAX_HOPS + 1];

    public FlaggedFlowDetector(boolean[] flagged) {
        this.flagged = flagged;
    }

    @Override
    public String name() {
        return Pattern.PROXIMITY_RISK;
    }

    @Override
    public void run(Graph graph, PatternSink out) {
        this.g = graph;
        this.sink = out;
        this.hub = Flow.hubDegree(graph);
        for (int f = 0; f < g.n; f++) {
            if (!flagged[f]) {
                continue;
            }
            path[0] = f;
            for (int i = g.outOff[f]; i < g.outOff[f + 1]; i++) {
                int tx = g.outTx[i];
                int v = g.t.to()[tx];
                if (v != f && g.undDegree(v) < hub) {
                    path[1] = v;
                    follow(1, tx);
                }
            }
        }
    }

    /** path[0..depth] carried the funds of transfer {@code in} to path[depth]. */
    private void follow(int depth, int in) {
        double[] usd = g.t.usd();
        long[] ts = g.t.ts();
        int[] to = g.t.to();
        int v = path[depth];
        long t = ts[in];
        int scanned = 0;
        for (int i = g.firstOutAtOrAfter(v, t); i < g.outOff[v + 1] && scanned < MAX_SCAN; i++, scanned++) {
            int tx = g.outTx[i];
            if (ts[tx] > t + CASH_OUT_MS) {
                break;
            }
            double keep = usd[tx] / usd[in];
            int w = to[tx];
            if (keep < MIN_KEEP || keep > MAX_KEEP || CycleDetector.contains(path, depth + 1, w)) {
                continue;
            }
            if (g.undDegree(w) >= hub) {
                emit(depth);
            } else if (depth < MAX_HOPS && ts[tx] <= t + HOP_MS) {
                path[depth + 1] = w;
                follow(depth + 1, tx);
            }
        }
    }

    private void emit(int depth) {
        int[] pattern = new int[depth + 1];
        for (int i = 0; i <= depth; i++) {
            pattern[i] = path[depth - i];
        }
        sink.add(name(), pattern, Flow.EVIDENCE + 0.02 * depth);
    }
}
