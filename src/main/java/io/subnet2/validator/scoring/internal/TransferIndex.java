package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The run's transfers indexed once: CSR arrays of rows by sender and by receiver, per-address
 * recomputed features (sums in row order, so bit-identical on every run), and lazily sorted
 * segments for edge look-ups by binary search. Look-ups are single-threaded.
 */
public final class TransferIndex {

    public final int rows;
    public final int addresses;
    public final Interner names;
    final int[] from;
    final int[] to;
    final long[] ts;
    private final byte[] bands;
    private final int[] outOff;
    private final int[] outRow;
    private final int[] outNbr;
    private final int[] inOff;
    private final int[] inRow;
    private final int[] inNbr;
    private final boolean[] outSorted;
    private final boolean[] inSorted;
    private final Map<Integer, long[]> eventTimes = new HashMap<>();

    public final int[] txOut;
    public final int[] txIn;
    public final int[] degOut;
    public final int[] degIn;
    public final int[] counterparties;
    public final long[] first;
    public final long[] last;
    public final double[] sumOut;
    public final double[] sumIn;
    private final int bandKinds;
    private final int[] bandCount;
    private final long[][] bandEdges;

    public TransferIndex(TransferReader.Columns c, int bandKinds, int threads) {
        rows = c.rows();
        addresses = c.addresses().size();
        names = c.addresses();
        from = c.from();
        to = c.to();
        ts = c.ts();
        bands = c.bands();
        this.bandKinds = bandKinds;
        int parts = Math.max(1, threads);
        int[][] outPos = new int[parts][];
        int[][] inPos = new int[parts][];
        parallel(parts, p -> {
            int[] outCount = new int[addresses];
            int[] inCount = new int[addresses];
            for (int r = partStart(p, parts), end = partStart(p + 1, parts); r < end; r++) {
                outCount[from[r]]++;
                inCount[to[r]]++;
            }
            outPos[p] = outCount;
            inPos[p] = inCount;
        });
        txOut = new int[addresses];
        txIn = new int[addresses];
        for (int p = 0; p < parts; p++) {
            for (int x = 0; x < addresses; x++) {
                txOut[x] += outPos[p][x];
                txIn[x] += inPos[p][x];
            }
        }
        outOff = offsets(txOut);
        inOff = offsets(txIn);
        // each part writes its rows after the earlier parts' rows: segments stay in row order
        for (int x = 0; x < addresses; x++) {
            int out = outOff[x];
            int in = inOff[x];
            for (int p = 0; p < parts; p++) {
                int n = outPos[p][x];
                outPos[p][x] = out;
                out += n;
                n = inPos[p][x];
                inPos[p][x] = in;
                in += n;
            }
        }
        outRow = new int[rows];
        outNbr = new int[rows];
        inRow = new int[rows];
        inNbr = new int[rows];
        parallel(parts, p -> {
            int[] op = outPos[p];
            int[] ip = inPos[p];
            for (int r = partStart(p, parts), end = partStart(p + 1, parts); r < end; r++) {
                int o = op[from[r]]++;
                outRow[o] = r;
                outNbr[o] = to[r];
                int i = ip[to[r]]++;
                inRow[i] = r;
                inNbr[i] = from[r];
            }
        });
        outSorted = new boolean[addresses];
        inSorted = new boolean[addresses];
        first = new long[addresses];
        last = new long[addresses];
        sumOut = new double[addresses];
        sumIn = new double[addresses];
        degOut = new int[addresses];
        degIn = new int[addresses];
        counterparties = new int[addresses];
        bandCount = new int[addresses * bandKinds];
        double[] usd = c.usd();
        long[] firstIn = new long[addresses];
        long[] lastIn = new long[addresses];
        parallel(2, side -> rowOrderStats(side == 0, usd, side == 0 ? first : firstIn, side == 0 ? last : lastIn));
        parallel(parts, p -> addressStats((int) ((long) addresses * p / parts),
                (int) ((long) addresses * (p + 1) / parts), firstIn, lastIn));
        bandEdges = buildBandEdges();
    }

    private int partStart(int part, int parts) {
        return (int) ((long) rows * part / parts);
    }

    private static void parallel(int parts, java.util.function.IntConsumer task) {
        IntStream.range(0, parts).parallel().forEach(task);
    }

    /**
     * USD sums, time ranges and band counts of one side (sender or receiver) in one sequential
     * pass over the rows: sums added in row order, bit-identical whatever the thread count.
     */
    private void rowOrderStats(boolean out, double[] usd, long[] min, long[] max) {
        int[] side = out ? from : to;
        double[] sums = out ? sumOut : sumIn;
        // {sum bits, min, max, -} per address: one cache line touched per row instead of three
        long[] acc = new long[4 * addresses];
        for (int x = 0; x < addresses; x++) {
            acc[4 * x + 1] = Long.MAX_VALUE;
            acc[4 * x + 2] = Long.MIN_VALUE;
        }
        for (int r = 0; r < rows; r++) {
            int x = side[r];
            int a = 4 * x;
            double amount = usd[r];
            if (amount == amount) {
                acc[a] = Double.doubleToRawLongBits(Double.longBitsToDouble(acc[a]) + amount);
            }
            long time = ts[r];
            acc[a + 1] = Math.min(acc[a + 1], time);
            acc[a + 2] = Math.max(acc[a + 2], time);
            int mask = out ? bands[r] : 0;
            for (int t = 0; mask != 0 && t < bandKinds; t++) {
                if ((mask & 1 << t) != 0) {
                    bandCount[x * bandKinds + t]++;
                }
            }
        }
        for (int x = 0; x < addresses; x++) {
            sums[x] = Double.longBitsToDouble(acc[4 * x]);
            min[x] = acc[4 * x + 1];
            max[x] = acc[4 * x + 2];
        }
    }

    /** Distinct counterparties from the CSR segments by marks; merges the receivers' time ranges. */
    private void addressStats(int lo, int hi, long[] firstIn, long[] lastIn) {
        int[] mark = new int[addresses];
        Arrays.fill(mark, -1);
        int stamp = 0;
        for (int x = lo; x < hi; x++) {
            int out = 0;
            int sOut = stamp++;
            for (int p = outOff[x]; p < outOff[x + 1]; p++) {
                int y = outNbr[p];
                if (mark[y] != sOut) {
                    mark[y] = sOut;
                    out++;
                }
            }
            int in = 0;
            int inOnly = 0;
            int sIn = stamp++;
            for (int p = inOff[x]; p < inOff[x + 1]; p++) {
                int y = inNbr[p];
                if (mark[y] != sIn) {
                    if (mark[y] != sOut) {
                        inOnly++;
                    }
                    mark[y] = sIn;
                    in++;
                }
            }
            first[x] = Math.min(first[x], firstIn[x]);
            last[x] = Math.max(last[x], lastIn[x]);
            degOut[x] = out;
            degIn[x] = in;
            counterparties[x] = out + inOnly;
            if (stamp > Integer.MAX_VALUE - 4) {
                Arrays.fill(mark, -1);
                stamp = 0;
            }
        }
    }

    private static int[] offsets(int[] counts) {
        int[] off = new int[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            off[i + 1] = off[i] + counts[i];
        }
        return off;
    }

    private long[][] buildBandEdges() {
        long[][] edges = new long[bandKinds][];
        int[] counts = new int[bandKinds];
        for (int r = 0; r < rows; r++) {
            int mask = bands[r];
            if (mask != 0) {
                for (int t = 0; t < bandKinds; t++) {
                    if ((mask & 1 << t) != 0) {
                        counts[t]++;
                    }
                }
            }
        }
        for (int t = 0; t < bandKinds; t++) {
            edges[t] = new long[counts[t]];
            counts[t] = 0;
        }
        for (int r = 0; r < rows; r++) {
            int mask = bands[r];
            for (int t = 0; mask != 0 && t < bandKinds; t++) {
                if ((mask & 1 << t) != 0) {
                    edges[t][counts[t]++] = edgeKey(from[r], to[r]);
                }
            }
        }
        for (long[] e : edges) {
            Arrays.sort(e);
        }
        return edges;
    }

    private static long edgeKey(int a, int b) {
        return (long) a << 32 | (b & 0xffffffffL);
    }

    /** Transfers a sent with amount_usd in threshold band t. */
    public int bandCount(int a, int t) {
        return bandCount[a * bandKinds + t];
    }

    /** Whether a sent b at least one transfer in threshold band t. */
    public boolean bandEdge(int a, int b, int t) {
        return Arrays.binarySearch(bandEdges[t], edgeKey(a, b)) >= 0;
    }

    public boolean hasEdge(int a, int b) {
        ensureOut(a);
        return rangeStart(outNbr, outOff[a], outOff[a + 1], b) < rangeEnd(outNbr, outOff[a], outOff[a + 1], b);
    }

    public boolean hasEitherEdge(int a, int b) {
        return hasEdge(a, b) || hasEdge(b, a);
    }

    /** Earliest timestamp of a transfer a→b at or after {@code after}, or Long.MIN_VALUE when none. */
    public long earliestEdge(int a, int b, long after) {
        ensureOut(a);
        int lo = rangeStart(outNbr, outOff[a], outOff[a + 1], b);
        int hi = rangeEnd(outNbr, outOff[a], outOff[a + 1], b);
        int p = firstAtOrAfter(outRow, lo, hi, after);
        return p < hi ? ts[outRow[p]] : Long.MIN_VALUE;
    }

    /** Latest transfer time between a and c (either direction) at or before t, or Long.MIN_VALUE. */
    public long pairBefore(int a, int c, long t) {
        ensureOut(a);
        ensureIn(a);
        long best = Long.MIN_VALUE;
        int lo = rangeStart(outNbr, outOff[a], outOff[a + 1], c);
        int p = firstAtOrAfter(outRow, lo, rangeEnd(outNbr, outOff[a], outOff[a + 1], c), t + 1);
        if (p > lo) {
            best = ts[outRow[p - 1]];
        }
        lo = rangeStart(inNbr, inOff[a], inOff[a + 1], c);
        p = firstAtOrAfter(inRow, lo, rangeEnd(inNbr, inOff[a], inOff[a + 1], c), t + 1);
        if (p > lo) {
            best = Math.max(best, ts[inRow[p - 1]]);
        }
        return best;
    }

    /** Earliest transfer time between a and c (either direction) at or after t, or Long.MAX_VALUE. */
    public long pairAfter(int a, int c, long t) {
        ensureOut(a);
        ensureIn(a);
        long best = Long.MAX_VALUE;
        int hi = rangeEnd(outNbr, outOff[a], outOff[a + 1], c);
        int p = firstAtOrAfter(outRow, rangeStart(outNbr, outOff[a], outOff[a + 1], c), hi, t);
        if (p < hi) {
            best = ts[outRow[p]];
        }
        hi = rangeEnd(inNbr, inOff[a], inOff[a + 1], c);
        p = firstAtOrAfter(inRow, rangeStart(inNbr, inOff[a], inOff[a + 1], c), hi, t);
        if (p < hi) {
            best = Math.min(best, ts[inRow[p]]);
        }
        return best;
    }

    /** Number of pair transfers between a and c, either direction. */
    public int pairCount(int a, int c) {
        ensureOut(a);
        ensureIn(a);
        return rangeEnd(outNbr, outOff[a], outOff[a + 1], c) - rangeStart(outNbr, outOff[a], outOff[a + 1], c)
                + rangeEnd(inNbr, inOff[a], inOff[a + 1], c) - rangeStart(inNbr, inOff[a], inOff[a + 1], c);
    }

    /** All transfer times of a (sent or received; a self-transfer once), sorted. Memoised. */
    public long[] eventTimes(int a) {
        return eventTimes.computeIfAbsent(a, x -> {
            long[] times = new long[outOff[x + 1] - outOff[x] + inOff[x + 1] - inOff[x]];
            int n = 0;
            for (int p = outOff[x]; p < outOff[x + 1]; p++) {
                times[n++] = ts[outRow[p]];
            }
            for (int p = inOff[x]; p < inOff[x + 1]; p++) {
                if (inNbr[p] != x) {
                    times[n++] = ts[inRow[p]];
                }
            }
            long[] result = Arrays.copyOf(times, n);
            Arrays.sort(result);
            return result;
        });
    }

    /** Neighbours of a in either direction (with repeats), for connectivity checks. */
    public int degreeRows(int a) {
        return outOff[a + 1] - outOff[a] + inOff[a + 1] - inOff[a];
    }

    public int neighbourAt(int a, int k) {
        int outs = outOff[a + 1] - outOff[a];
        return k < outs ? outNbr[outOff[a] + k] : inNbr[inOff[a] + k - outs];
    }

    private void ensureOut(int a) {
        if (!outSorted[a]) {
            SegmentSort.sort(outRow, outNbr, ts, outOff[a], outOff[a + 1]);
            outSorted[a] = true;
        }
    }

    private void ensureIn(int a) {
        if (!inSorted[a]) {
            SegmentSort.sort(inRow, inNbr, ts, inOff[a], inOff[a + 1]);
            inSorted[a] = true;
        }
    }

    private static int rangeStart(int[] nbr, int lo, int hi, int key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nbr[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int rangeEnd(int[] nbr, int lo, int hi, int key) {
        return rangeStart(nbr, lo, hi, key + 1);
    }

    private int firstAtOrAfter(int[] rowOf, int lo, int hi, long t) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[rowOf[mid]] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
