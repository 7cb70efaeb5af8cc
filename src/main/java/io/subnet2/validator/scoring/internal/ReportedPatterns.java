package io.subnet2.validator.scoring.internal;

import java.util.Arrays;

/**
 * Reported patterns in flat arrays: pattern i has type {@code types[i]} (a PatternType ordinal or
 * -1 when unknown), addresses {@code addresses[offsets[i] .. offsets[i+1])} as transfer address
 * ids (negative when the address is not in transfers: -1 null, -2-k the k-th distinct unknown
 * string), {@code ids[i]} the interned pattern_id (-1 when null) and {@code confidences[i]} its
 * confidence as written (0 when the column or the value is missing; NaN and infinities kept).
 */
public final class ReportedPatterns {

    private final long maxPatterns;
    private final long maxListed;
    private final int maxPerPattern;
    private int count;
    private byte[] types = new byte[1024];
    private int[] ids = new int[1024];
    private double[] confidences = new double[1024];
    private int[] offsets = new int[1025];
    private int[] addresses = new int[4096];
    private int listed;

    public ReportedPatterns(long maxPatterns, long maxListed, int maxPerPattern) {
        this.maxPatterns = maxPatterns;
        this.maxListed = Math.min(maxListed, Integer.MAX_VALUE - 16);
        this.maxPerPattern = maxPerPattern;
    }

    public int count() {
        return count;
    }

    public int type(int i) {
        return types[i];
    }

    public int id(int i) {
        return ids[i];
    }

    public double confidence(int i) {
        return confidences[i];
    }

    public int size(int i) {
        return offsets[i + 1] - offsets[i];
    }

    public int address(int i, int k) {
        return addresses[offsets[i] + k];
    }

    public int[] addressesOf(int i) {
        return Arrays.copyOfRange(addresses, offsets[i], offsets[i + 1]);
    }

    /** Appends a pattern whose addresses are {@code source[from, to)}. */
    public void add(int type, int id, double confidence, int[] source, int from, int to) {
        if (count >= maxPatterns) {
            throw new OutputRejectedException("more than " + maxPatterns + " patterns reported");
        }
        int n = to - from;
        if (n > maxPerPattern) {
            throw new OutputRejectedException("a pattern lists " + n + " addresses, above the limit of "
                    + maxPerPattern);
        }
        if ((long) listed + n > maxListed) {
            throw new OutputRejectedException("patterns list more than " + maxListed + " addresses in total");
        }
        if (count + 1 >= types.length) {
            int grow = types.length * 2;
            types = Arrays.copyOf(types, grow);
            ids = Arrays.copyOf(ids, grow);
            confidences = Arrays.copyOf(confidences, grow);
            offsets = Arrays.copyOf(offsets, grow + 1);
        }
        if (listed + n > addresses.length) {
            addresses = Arrays.copyOf(addresses, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max((long) listed + n, (long) addresses.length * 2)));
        }
        System.arraycopy(source, from, addresses, listed, n);
        listed += n;
        types[count] = (byte) type;
        ids[count] = id;
        confidences[count] = confidence;
        offsets[++count] = listed;
    }
}
