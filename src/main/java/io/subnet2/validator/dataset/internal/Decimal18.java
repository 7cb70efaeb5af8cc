package io.subnet2.validator.dataset.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DECIMAL(38,18) on a 16-byte big-endian two's-complement fixed, built from a non-negative long
 * number of micro-units (6 decimals) plus up to 12 more digits of noise, with 128-bit arithmetic
 * instead of a BigDecimal per value.
 */
public final class Decimal18 {

    public static final int PRECISION = 38;
    public static final int SCALE = 18;
    public static final int BYTES = 16;
    private static final long MICRO_TO_18 = 1_000_000_000_000L;

    private Decimal18() {
    }

    /**
     * Writes {@code micros * 10^12 + extra} into {@code out[0..16)}.
     *
     * @param micros non-negative value in millionths
     * @param extra  digits below a micro-unit, in [0, 10^12)
     */
    public static void write(long micros, long extra, byte[] out) {
        if (micros < 0 || extra < 0 || extra >= MICRO_TO_18) {
            throw new IllegalArgumentException("out of range: " + micros + " / " + extra);
        }
        long lo = micros * MICRO_TO_18;
        long hi = Math.multiplyHigh(micros, MICRO_TO_18);
        long sum = lo + extra;
        if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
        }
        putLong(out, 0, hi);
        putLong(out, 8, sum);
    }

    /** Reads a DECIMAL(38,18) written as 16 big-endian bytes. */
    public static BigDecimal read(byte[] bytes) {
        return new BigDecimal(new BigInteger(bytes), SCALE);
    }

    /** The micro-unit value as a BigDecimal (for tests and small tables). */
    public static BigDecimal ofMicros(long micros) {
        return BigDecimal.valueOf(micros, 6).setScale(SCALE);
    }

    private static void putLong(byte[] out, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            out[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
