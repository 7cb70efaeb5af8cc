package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Smurfing with conserved amounts: a source pays sub-{@link #SUB_AMOUNT} sums to several smurfs, and
 * each smurf forwards what it got less a 1% cut, in one transfer or split over two collectors,
 * within {@link #FORWARD_MS}. A source with at least {@link #MIN_SMURFS} such smurfs is reported as
 * [source, smurfs, collectors].
 */
public final class ForwardingSmurfDetector implements Detector {

    static final double SUB_AMOUNT = 10_000;
    static final double MIN_AMOUNT = 1_000;
    static final long FORWARD_MS = 7 * Flow.HOUR_MS;
    static final int MIN_SMURFS = 3;
    static final int MAX_SCAN = 32;

    @Override
    public String name() {
        return Pattern.SMURFING_NETWORK;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        double[] usd = g.t.usd();
        int[] to = g.t.to();
        int hub = Flow.hubDegree(g);
        for (int s = 0; s < g.n; s++) {
            if (g.undDegree(s) >= hub) {
                continue;
            }
            Set<Integer> smurfs = new LinkedHashSet<>();
            Set<Integer> collectors = new LinkedHashSet<>();
            for (int i = g.outOff[s]; i < g.outOff[s + 1]; i++) {
                int tx = g.outTx[i];
                int m = to[tx];
                if (m == s || usd[tx] >= SUB_AMOUNT || usd[tx] < MIN_AMOUNT || smurfs.contains(m)) {
                    continue;
                }
                int[] forwarded = forwardedBy(g, m, tx);
                if (forwarded.length > 0) {
                    smurfs.add(m);
                    for (int c : forwarded) {
                        collectors.add(c);
                    }
                }
            }
            collectors.removeAll(smurfs);
            collectors.remove(s);
            if (smurfs.size() >= MIN_SMURFS && !collectors.isEmpty()) {
                List<Integer> members = new ArrayList<>();
                members.add(s);
                members.addAll(smurfs);
                members.addAll(collectors);
                double size = Math.min(1.0, smurfs.size() / 10.0);
                sink.add(name(), members.stream().mapToInt(Integer::intValue).toArray(), Flow.EVIDENCE + 0.05 * size);
            }
        }
    }

    /** Where m passed on the amount of {@code in} less 1%: one receiver, or two splitting it; else none. */
    private static int[] forwardedBy(Graph g, int m, int in) {
        double[] usd = g.t.usd();
        long[] ts = g.t.ts();
        int[] to = g.t.to();
        double kept = usd[in] - Math.floor(usd[in] * 1e4 + 1e-6) / 1e6;
        long t = ts[in];
        int lo = g.firstOutAtOrAfter(m, t);
        int hi = lo;
        while (hi < g.outOff[m + 1] && hi - lo < MAX_SCAN && ts[g.outTx[hi]] <= t + FORWARD_MS) {
            hi++;
        }
        for (int i = lo; i < hi; i++) {
            int a = g.outTx[i];
            if (Flow.same(usd[a], kept)) {
                return new int[] {to[a]};
            }
            for (int j = i + 1; j < hi; j++) {
                int b = g.outTx[j];
                if (to[a] != to[b] && Flow.same(usd[a] + usd[b], kept)) {
                    return new int[] {to[a], to[b]};
                }
            }
        }
        return new int[0];
    }
}
