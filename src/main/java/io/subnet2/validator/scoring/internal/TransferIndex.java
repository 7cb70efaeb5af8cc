package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The run's transfers indexed once ({@link IndexBuilder}, or read back by {@link IndexFile}): CSR
 * arrays of rows by sender and by receiver, per-address recomputed features, and segments sorted by
 * (neighbour, time) for edge look-ups by binary search, lazily unless stored sorted. Look-ups are
 * single-threaded.
 */
public final class TransferIndex {

    public final int rows;
    public final int addresses;
    public final Interner names;
    /** The arrays this index was built on (what {@link IndexFile} stores). */
    final IndexArrays stored;
    final long[] ts;
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

    /** Indexes the columns (segments are sorted when first looked up). */
    public TransferIndex(TransferReader.Columns c, int bandKinds, int threads) {
        this(IndexBuilder.build(c, bandKinds, threads), c.addresses(), false);
    }

    /** An index over stored arrays; {@code sorted}: every segment is already sorted. */
    TransferIndex(IndexArrays a, Interner names, boolean sorted) {
        rows = a.rows();
        addresses = names.size();
        this.names = names;
        stored = a;
        ts = a.ts();
        outOff = a.outOff();
        outRow = a.outRow();
        outNbr = a.outNbr();
        inOff = a.inOff();
        inRow = a.inRow();
        inNbr = a.inNbr();
        txOut = a.txOut();
        txIn = a.txIn();
        degOut = a.degOut();
        degIn = a.degIn();
        counterparties = a.counterparties();
        first = a.first();
        last = a.last();
        sumOut = a.sumOut();
        sumIn = a.sumIn();
        bandKinds = a.bandKinds();
        bandCount = a.bandCount();
        bandEdges = a.bandEdges();
        outSorted = new boolean[addresses];
        inSorted = new boolean[addresses];
        if (sorted) {
            Arrays.fill(outSorted, true);
            Arrays.fill(inSorted, true);
        }
    }

    /** Sorts every segment now (before the index is stored, or shared by threads). */
    void sortAll(int threads) {
        int parts = Math.max(1, threads);
        IntStream.range(0, parts).parallel().forEach(p -> {
            for (int x = (int) ((long) addresses * p / parts), end = (int) ((long) addresses * (p + 1) / parts);
                    x < end; x++) {
                ensureOut(x);
                ensureIn(x);
            }
        });
    }

    static long edgeKey(int a, int b) {
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
