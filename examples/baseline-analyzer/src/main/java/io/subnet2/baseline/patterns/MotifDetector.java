package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Fan-in (many distinct senders into one center) or fan-out (one center paying many distinct
 * receivers) within a sliding {@link #WINDOW_MS}: the window with the most distinct counterparts
 * is reported when it has at least {@link #MIN_COUNTERPARTS}. Confidence rises with the share of
 * the center's transfers (in that direction) that fall inside the window.
 */
public final class MotifDetector implements Detector {

    static final long WINDOW_MS = 48 * 3_600_000L;
    static final int MIN_COUNTERPARTS = 5;
    static final int MAX_LISTED = 100;

    private final boolean fanIn;

    private MotifDetector(boolean fanIn) {
        this.fanIn = fanIn;
    }

    public static MotifDetector fanIn() {
        return new MotifDetector(true);
    }

    public static MotifDetector fanOut() {
        return new MotifDetector(false);
    }

    /** Busy backgrounds give many valid matches; keep more so injected ones are not cut by ties. */
    @Override
    public int cap() {
        return 50_000;
    }

    @Override
    public String name() {
        return fanIn ? Pattern.MOTIF_FANIN : Pattern.MOTIF_FANOUT;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int[] off = fanIn ? g.inOff : g.outOff;
        int[] list = fanIn ? g.inTx : g.outTx;
        int[] other = fanIn ? g.t.from() : g.t.to();
        long[] ts = g.t.ts();
        int[] count = new int[g.n];
        for (int c = 0; c < g.n; c++) {
            int from = off[c];
            int to = off[c + 1];
            int degree = fanIn ? g.inDegree(c) : g.outDegree(c);
            if (degree < MIN_COUNTERPARTS) {
                continue;
            }
            // sliding window over the center's transfers; distinct counterparts other than itself
            int distinct = 0;
            int best = 0;
            int bestStart = from;
            int bestEnd = from;
            int lo = from;
            for (int hi = from; hi < to; hi++) {
                int v = other[list[hi]];
                if (v != c && count[v]++ == 0) {
                    distinct++;
                }
                while (ts[list[hi]] - ts[list[lo]] > WINDOW_MS) {
                    int u = other[list[lo++]];
                    if (u != c && --count[u] == 0) {
                        distinct--;
                    }
                }
                if (distinct > best) {
                    best = distinct;
                    bestStart = lo;
                    bestEnd = hi + 1;
                }
            }
            for (int i = lo; i < to; i++) {
                count[other[list[i]]] = 0;
            }
            if (best < MIN_COUNTERPARTS) {
                continue;
            }
            int[] members = new int[1 + Math.min(best, MAX_LISTED)];
            members[0] = c;
            int k = 1;
            for (int i = bestStart; i < bestEnd && k < members.length; i++) {
                int v = other[list[i]];
                if (v != c && count[v] == 0) {
                    count[v] = 1;
                    members[k++] = v;
                }
            }
            for (int i = 1; i < k; i++) {
                count[members[i]] = 0;
            }
            double share = (double) (bestEnd - bestStart) / (to - from);
            sink.add(name(), members, Flow.shapeOnly(0.5 + 0.5 * share));
        }
    }
}
