package io.subnet2.validator.chain.bittensor.timelock;

/**
 * Reorders blst's serialisation of an Fp12 element into arkworks' (spec/bittensor.md: the timelock hashes
 * arkworks' bytes). blst writes big-endian coefficients with the Fp6 index outermost
 * ({@code a[j][i][k]} for i in 0..3, j in 0..2, k in 0..2); arkworks writes little-endian ones as
 * c0.c0.c0, c0.c0.c1, c0.c1.c0, …, c1.c2.c1 (j, then i, then k).
 */
final class GtBytes {

    static final int FP = 48;
    static final int BYTES = 12 * FP;

    private GtBytes() {
    }

    static byte[] arkworks(byte[] blstBigEndian) {
        if (blstBigEndian.length != BYTES) {
            throw new IllegalArgumentException("an Fp12 element is " + BYTES + " bytes, got " + blstBigEndian.length);
        }
        byte[] out = new byte[BYTES];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 2; k++) {
                    int from = ((i * 2 + j) * 2 + k) * FP;
                    int to = ((j * 3 + i) * 2 + k) * FP;
                    for (int b = 0; b < FP; b++) {
                        out[to + b] = blstBigEndian[from + FP - 1 - b];
                    }
                }
            }
        }
        return out;
    }
}
