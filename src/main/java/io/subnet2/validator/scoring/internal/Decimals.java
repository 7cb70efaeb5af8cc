package io.subnet2.validator.scoring.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decimal values as big-endian two's complement unscaled integers (parquet DECIMAL), converted to
 * double without BigInteger for up to 16 bytes, and compared exactly against threshold bands.
 */
public final class Decimals {

    private static final double TWO_64 = 0x1p64;

    private Decimals() {
    }

    /** Scale of a decimal column, or -1 when the column is not a decimal. */
    public static int scale(PrimitiveType type) {
        return type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                ? d.getScale() : -1;
    }

    /** hi word of the 128-bit two's complement value in bytes[off, off+len), len <= 16. */
    static long hi(byte[] b, int off, int len) {
        if (len <= 8) {
            return len == 0 || b[off] >= 0 ? 0 : -1;
        }
        long v = b[off] < 0 ? -1 : 0;
        for (int i = 0; i < len - 8; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    /** lo word of the 128-bit two's complement value, len <= 16. */
    static long lo(byte[] b, int off, int len) {
        int start = Math.max(0, len - 8);
        long v = len > 0 && len <= 8 && b[off] < 0 ? -1 : 0;
        for (int i = start; i < len; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    static double toDouble(long hi, long lo, int scale) {
        double unsignedLo = (lo >>> 1) * 2.0 + (lo & 1);
        return (hi * TWO_64 + unsignedLo) / pow10(scale);
    }

    /** Double value of an unscaled big-endian decimal of any length. */
    public static double toDouble(byte[] b, int off, int len, int scale) {
        if (len <= 16) {
            return toDouble(hi(b, off, len), lo(b, off, len), scale);
        }
        byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
        return new BigDecimal(new BigInteger(copy), scale).doubleValue();
    }

    /** StrictMath.pow(10, s) for the scales decimals usually have: pow is too slow per value. */
    private static final double[] POW10 = java.util.stream.IntStream.rangeClosed(0, 64)
            .mapToDouble(s -> StrictMath.pow(10, s)).toArray();

    static double pow10(int scale) {
        if (scale < 0) {
            return 1;
        }
        return scale < POW10.length ? POW10[scale] : StrictMath.pow(10, scale);
    }

    static int compare(long hiA, long loA, long hiB, long loB) {
        return hiA != hiB ? Long.compare(hiA, hiB) : Long.compareUnsigned(loA, loB);
    }

    /**
     * Threshold bands [low*T, T) of scoring.md's threshold_evasion, as exact 128-bit unscaled
     * bounds for one decimal scale (bit t of a mask = band of thresholds[t]).
     */
    public static final class Bands {
        private final long[] lowHi;
        private final long[] lowLo;
        private final long[] highHi;
        private final long[] highLo;
        private final double[] lowD;
        private final double[] highD;

        public Bands(List<Long> thresholds, double bandLow, int scale) {
            int n = Math.min(thresholds.size(), 8);
            lowHi = new long[n];
            lowLo = new long[n];
            highHi = new long[n];
            highLo = new long[n];
            lowD = new double[n];
            highD = new double[n];
            BigDecimal factor = BigDecimal.valueOf(bandLow);
            for (int t = 0; t < n; t++) {
                BigDecimal high = BigDecimal.valueOf(thresholds.get(t));
                BigDecimal low = high.multiply(factor);
                lowD[t] = low.doubleValue();
                highD[t] = high.doubleValue();
                BigInteger lowU = low.movePointRight(Math.max(scale, 0)).setScale(0, java.math.RoundingMode.CEILING)
                        .toBigIntegerExact();
                BigInteger highU = high.movePointRight(Math.max(scale, 0)).setScale(0, java.math.RoundingMode.CEILING)
                        .toBigIntegerExact();
                lowHi[t] = lowU.shiftRight(64).longValue();
                lowLo[t] = lowU.longValue();
                highHi[t] = highU.shiftRight(64).longValue();
                highLo[t] = highU.longValue();
            }
        }

        public int mask(long hi, long lo) {
            int mask = 0;
            for (int t = 0; t < lowHi.length; t++) {
                if (compare(hi, lo, lowHi[t], lowLo[t]) >= 0 && compare(hi, lo, highHi[t], highLo[t]) < 0) {
                    mask |= 1 << t;
                }
            }
            return mask;
        }

        public int mask(double usd) {
            int mask = 0;
            for (int t = 0; t < lowD.length; t++) {
                if (usd >= lowD[t] && usd < highD[t]) {
                    mask |= 1 << t;
                }
            }
            return mask;
        }
    }
}
