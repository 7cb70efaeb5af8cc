package io.subnet2.baseline.io;

import java.math.BigInteger;

/** Numeric decoding of parquet decimals. */
final class Values {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p; // exact up to 1e22
            p *= 10;
        }
    }

    private Values() {
    }

    static double pow10(int scale) {
        return scale >= 0 && scale < POW10.length ? POW10[scale] : Math.pow(10, scale);
    }

    /** A two's complement big-endian unscaled decimal as a double. */
    static double unscaled(byte[] b) {
        int len = b.length;
        if (len == 0) {
            return 0;
        }
        int first = 0;
        byte sign = b[0] < 0 ? (byte) -1 : 0;
        while (first < len - 1 && b[first] == sign && (b[first + 1] < 0) == (sign < 0)) {
            first++; // skip sign-extension bytes
        }
        if (len - first <= 8) {
            long x = b[first]; // sign-extended
            for (int i = first + 1; i < len; i++) {
                x = (x << 8) | (b[i] & 0xFF);
            }
            return x;
        }
        return new BigInteger(b).doubleValue();
    }
}
