package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;
import java.util.Arrays;

/**
 * Proximity to flagged addresses: a breadth-first search from each flagged address f over edges in
 * either direction, up to {@link #MAX_HOPS} hops, reports [a, h1, .., f] for every address a at
 * the end of a search-tree branch (inner addresses are covered by the branches through them).
 * Addresses with more than {@link #MAX_EXPAND_DEGREE} counterparts are reached but not expanded;
 * each search stops after {@link #MAX_REACHED} addresses, visiting the quietest neighbours first
 * (throw-away addresses near a flagged one matter more than an exchange's customers).
 */
public final class ProximityDetector implements Detector {

    static final int MAX_HOPS = 3;
    static final int MAX_EXPAND_DEGREE = 200;
    static final int MAX_REACHED = 2_000;

    private final boolean[] flagged;

    public ProximityDetector(boolean[] flagged) {
        this.flagged = flagged;
    }

    /** Busy backgrounds give many valid matches; keep more so injected ones are not cut by ties. */
    @Override
    public int cap() {
        return 50_000;
    }

    @Override
    public String name() {
        return Pattern.PROXIMITY_RISK;
    }

    @Override
    public void run(Graph g, PatternSink sink) {
        int[] parent = new int[g.n];
        int[] depth = new int[g.n];
        boolean[] hasChild = new boolean[g.n];
        Arrays.fill(depth, -1);
        int[] queue = new int[MAX_REACHED + 1];
        for (int f = 0; f < g.n; f++) {
            if (!flagged[f]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = f;
            depth[f] = 0;
            parent[f] = -1;
            while (head < tail) {
                int u = queue[head++];
                if (depth[u] == MAX_HOPS || (u != f && g.undDegree(u) > MAX_EXPAND_DEGREE)) {
                    continue;
                }
                long[] byDegree = neighboursByDegree(g, u);
                for (int k = 0; k < byDegree.length && tail < queue.length; k++) {
                    int v = (int) byDegree[k];
                    if (depth[v] < 0) {
                        depth[v] = depth[u] + 1;
                        parent[v] = u;
                        hasChild[u] = true;
                        queue[tail++] = v;
                    }
                }
            }
            for (int i = 1; i < tail; i++) {
                int a = queue[i];
                if (!hasChild[a]) {
                    emit(sink, a, depth[a], parent);
                }
            }
            for (int i = 0; i < tail; i++) {
                depth[queue[i]] = -1;
                hasChild[queue[i]] = false;
            }
        }
    }

    /** u's neighbours ordered by (degree, id). */
    private static long[] neighboursByDegree(Graph g, int u) {
        long[] keys = new long[g.undDegree(u)];
        for (int k = g.undOff[u]; k < g.undOff[u + 1]; k++) {
            int v = g.und[k];
            keys[k - g.undOff[u]] = ((long) g.undDegree(v) << 32) | v;
        }
        Arrays.sort(keys);
        return keys;
    }

    private void emit(PatternSink sink, int a, int hops, int[] parent) {
        int[] path = new int[hops + 1];
        int k = 0;
        for (int v = a; v >= 0; v = parent[v]) {
            path[k++] = v;
        }
        sink.add(name(), path, Flow.shapeOnly(1.0 - 0.2 * (hops - 1)));
    }
}
