package io.subnet2.baseline.graph;

import java.util.Arrays;

/**
 * Adjacency index over {@link Transfers} in compressed-sparse-row form: per address its sent and
 * received transfers in time order, and its distinct out-, in- and undirected neighbours sorted by id.
 */
public final class Graph {

    public final Transfers t;
    public final int n;
    /** Transfer ids sent by address a: outTx[outOff[a] .. outOff[a+1]), by (timestamp, row). */
    public final int[] outOff;
    public final int[] outTx;
    public final int[] inOff;
    public final int[] inTx;
    /** Distinct receivers of a (self included when a sent to itself), ascending ids. */
    public final int[] outNbrOff;
    public final int[] outNbr;
    public final int[] inNbrOff;
    public final int[] inNbr;
    /** Distinct counterparts in either direction, self excluded, ascending ids. */
    public final int[] undOff;
    public final int[] und;

    public Graph(Transfers t) {
        this.t = t;
        this.n = t.addressCount();
        int[] order = TimeOrder.of(t.ts());
        outOff = new int[n + 1];
        outTx = bucket(order, t.from(), outOff);
        inOff = new int[n + 1];
        inTx = bucket(order, t.to(), inOff);
        int[] stamp = new int[n];
        outNbrOff = new int[n + 1];
        outNbr = distinct(outOff, outTx, t.to(), null, null, outNbrOff, stamp, false);
        inNbrOff = new int[n + 1];
        inNbr = distinct(inOff, inTx, t.from(), null, null, inNbrOff, stamp, false);
        undOff = new int[n + 1];
        und = distinct(outNbrOff, outNbr, null, inNbrOff, inNbr, undOff, stamp, true);
    }

    /** Stable counting sort of the time-ordered transfer ids by the given endpoint. */
    private int[] bucket(int[] order, int[] endpoint, int[] off) {
        for (int e : endpoint) {
            off[e + 1]++;
        }
        for (int i = 0; i < n; i++) {
            off[i + 1] += off[i];
        }
        int[] pos = Arrays.copyOf(off, n);
        int[] out = new int[order.length];
        for (int tx : order) {
            out[pos[endpoint[tx]]++] = tx;
        }
        return out;
    }

    /**
     * Distinct values per address of either list A (entries mapped through {@code map} when given)
     * or the union of lists A and B; sorted ascending; {@code noSelf} drops the address itself.
     */
    private int[] distinct(int[] aOff, int[] a, int[] map, int[] bOff, int[] b, int[] off, int[] stamp,
            boolean noSelf) {
        int[] out = new int[a.length + (b == null ? 0 : b.length)];
        Arrays.fill(stamp, -1);
        int k = 0;
        for (int v = 0; v < n; v++) {
            int start = k;
            for (int pass = 0; pass < (b == null ? 1 : 2); pass++) {
                int[] list = pass == 0 ? a : b;
                int[] lOff = pass == 0 ? aOff : bOff;
                for (int i = lOff[v]; i < lOff[v + 1]; i++) {
                    int u = map == null ? list[i] : map[list[i]];
                    if (stamp[u] != v && !(noSelf && u == v)) {
                        stamp[u] = v;
                        out[k++] = u;
                    }
                }
            }
            Arrays.sort(out, start, k);
            off[v + 1] = k;
        }
        return Arrays.copyOf(out, k);
    }

    public int outDegree(int a) {
        return outNbrOff[a + 1] - outNbrOff[a];
    }

    public int inDegree(int a) {
        return inNbrOff[a + 1] - inNbrOff[a];
    }

    public int undDegree(int a) {
        return undOff[a + 1] - undOff[a];
    }

    public boolean hasEdge(int a, int b) {
        return Arrays.binarySearch(outNbr, outNbrOff[a], outNbrOff[a + 1], b) >= 0;
    }

    /** First index in a's sent transfers with timestamp >= fromMs. */
    public int firstOutAtOrAfter(int a, long fromMs) {
        return firstAtOrAfter(outTx, outOff[a], outOff[a + 1], fromMs);
    }

    public int firstInAtOrAfter(int a, long fromMs) {
        return firstAtOrAfter(inTx, inOff[a], inOff[a + 1], fromMs);
    }

    private int firstAtOrAfter(int[] list, int lo, int hi, long fromMs) {
        long[] ts = t.ts();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[list[mid]] < fromMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public String name(int a) {
        return t.names()[a];
    }
}
