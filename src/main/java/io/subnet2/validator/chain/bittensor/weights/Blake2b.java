package io.subnet2.validator.chain.bittensor.weights;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Substrate's {@code blake2_256} and {@code blake2_128}: BLAKE2b with a 32- or 16-byte output (BouncyCastle). */
final class Blake2b {

    private Blake2b() {
    }

    static byte[] hash256(byte[] input) {
        return hash(input, 256);
    }

    static byte[] hash128(byte[] input) {
        return hash(input, 128);
    }

    private static byte[] hash(byte[] input, int bits) {
        Blake2bDigest digest = new Blake2bDigest(bits);
        digest.update(input, 0, input.length);
        byte[] out = new byte[bits / 8];
        digest.doFinal(out, 0);
        return out;
    }
}
