package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/**
 * Fan-in or fan-out whose amounts are conserved: a center collects from at least
 * {@link #MIN_SPOKES} distinct senders and passes the exact total on in one transfer (fan-in), or
 * receives one transfer and pays exactly that total out to at least {@link #MIN_SPOKES} distinct
 * receivers (fan-out), within {@link #WINDOW_MS}. The spokes are taken nearest the trigger first; up
 * to {@link #MAX_SKIPPED} unrelated transfers in between may be left out of the sum.
 */
public final class ConservedFanDetector implements Detector {

    static final int MIN_SPOKES = 5;
    static final int MAX_SPOKES = 48;
    static final long WINDOW_MS = 31 * Flow.HOUR_MS;
    static final int MAX_TRIGGERS = 400;
    static final int MAX_SKIPPED = 3;
    static final int MAX_TRIES = 8;

    private final boolean fanIn;

    private ConservedFanDetector(boolean fanIn) {
        this.fanIn = fanIn;
    }

    public static ConservedFanDetector fanIn() {
        return new ConservedFanDetector(true);
    }

    public static ConservedFanDetector fanOut() {
        return new ConservedFanDetector(false);
    }

    @Override
    public String name() {
        return fanIn ? Pattern.MOTIF_FANIN : Pattern.MOTIF_FANOUT;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int hub = Flow.hubDegree(g);
        int[] spokes = new int[MAX_SPOKES];
        boolean[] seen = new boolean[g.n];
        for (int c = 0; c < g.n; c++) {
            int spokeCount = fanIn ? g.inOff[c + 1] - g.inOff[c] : g.outOff[c + 1] - g.outOff[c];
            int triggers = fanIn ? g.outOff[c + 1] - g.outOff[c] : g.inOff[c + 1] - g.inOff[c];
            if (spokeCount < MIN_SPOKES || triggers == 0 || triggers > MAX_TRIGGERS || g.undDegree(c) >= hub) {
                continue;
            }
            int from = fanIn ? g.outOff[c] : g.inOff[c];
            for (int i = from; i < from + triggers; i++) {
                int trigger = fanIn ? g.outTx[i] : g.inTx[i];
                int k = spokesNear(g, c, trigger, spokes);
                int[] members = k < MIN_SPOKES ? null : conserved(g, c, g.t.usd()[trigger], spokes, k, seen);
                if (members != null) {
                    sink.add(name(), members, Flow.EVIDENCE + 0.01 * Math.min(members.length - 1, 10) / 10.0);
                    break;
                }
            }
        }
    }

    /** The center's spoke transfers within the window of the trigger, nearest first. */
    private int spokesNear(Graph g, int c, int trigger, int[] out) {
        long[] ts = g.t.ts();
        long t = ts[trigger];
        int k = 0;
        if (fanIn) {
            int lo = g.firstInAtOrAfter(c, t - WINDOW_MS);
            int hi = g.firstInAtOrAfter(c, t + 1);
            for (int j = hi - 1; j >= lo && k < out.length; j--) {
                int tx = g.inTx[j];
                if (g.t.from()[tx] != c) {
                    out[k++] = tx;
                }
            }
        } else {
            int lo = g.firstOutAtOrAfter(c, t);
            for (int j = lo; j < g.outOff[c + 1] && k < out.length && ts[g.outTx[j]] <= t + WINDOW_MS; j++) {
                int tx = g.outTx[j];
                if (tx != trigger && g.t.to()[tx] != c) {
                    out[k++] = tx;
                }
            }
        }
        return k;
    }

    /**
     * The center and the counterparts of the nearest spokes whose amounts sum to {@code total}, with at
     * most {@link #MAX_SKIPPED} unrelated spokes in between left out; null when there is none with
     * enough distinct counterparts.
     */
    private int[] conserved(Graph g, int c, double total, int[] spokes, int k, boolean[] seen) {
        double[] usd = g.t.usd();
        double sum = 0;
        int tries = 0;
        for (int len = 1; len <= k && tries < MAX_TRIES; len++) {
            sum += usd[spokes[len - 1]];
            double excess = sum - total;
            if (len < MIN_SPOKES + (excess > 2e-6 ? 1 : 0) || excess < -2e-6) {
                continue;
            }
            tries++;
            int[] skipped = Flow.same(sum, total) ? new int[0] : Subsets.summingTo(usd, spokes, len, excess, MAX_SKIPPED);
            if (skipped != null) {
                int[] members = members(g, c, spokes, len, skipped, seen);
                if (members != null) {
                    return members;
                }
            }
        }
        return null;
    }

    private int[] members(Graph g, int c, int[] spokes, int len, int[] skipped, boolean[] seen) {
        int[] members = new int[len + 1];
        members[0] = c;
        int n = 1;
        for (int j = 0; j < len; j++) {
            if (CycleDetector.contains(skipped, skipped.length, j)) {
                continue;
            }
            int v = fanIn ? g.t.from()[spokes[j]] : g.t.to()[spokes[j]];
            if (!seen[v]) {
                seen[v] = true;
                members[n++] = v;
            }
        }
        for (int j = 1; j < n; j++) {
            seen[members[j]] = false;
        }
        return n - 1 >= MIN_SPOKES ? java.util.Arrays.copyOf(members, n) : null;
    }
}
