package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Builds a {@link TransferIndex}'s arrays from the transfer columns: CSR arrays of rows by sender
 * and by receiver (segments in row order), per-address recomputed features (sums in row order, so
 * bit-identical on every run) and the threshold-band edges.
 */
final class IndexBuilder {

    private final int rows;
    private final int addresses;
    private final int[] from;
    private final int[] to;
    private final long[] ts;
    private final byte[] bands;
    private final int bandKinds;
    private final int[] outOff;
    private final int[] outRow;
    private final int[] outNbr;
    private final int[] inOff;
    private final int[] inRow;
    private final int[] inNbr;
    private final int[] txOut;
    private final int[] txIn;
    private final int[] degOut;
    private final int[] degIn;
    private final int[] counterparties;
    private final long[] first;
    private final long[] last;
    private final double[] sumOut;
    private final double[] sumIn;
    private final int[] bandCount;
    private final long[][] bandEdges;

    static IndexArrays build(TransferReader.Columns c, int bandKinds, int threads) {
        IndexBuilder b = new IndexBuilder(c, bandKinds, threads);
        return new IndexArrays(b.rows, b.bandKinds, b.ts, b.outOff, b.outRow, b.outNbr, b.inOff, b.inRow, b.inNbr,
                b.txOut, b.txIn, b.degOut, b.degIn, b.counterparties, b.first, b.last, b.sumOut, b.sumIn,
                b.bandCount, b.bandEdges);
    }

    private IndexBuilder(TransferReader.Columns c, int bandKinds, int threads) {
        rows = c.rows();
        addresses = c.addresses().size();
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
        return TransferIndex.edgeKey(a, b);
    }
}
