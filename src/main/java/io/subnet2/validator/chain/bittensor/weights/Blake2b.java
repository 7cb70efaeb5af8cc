package io.subnet2.validator.chain.bittensor.weights;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Substrate's {@code blake2_256}: BLAKE2b with a 32-byte output (BouncyCastle). */
final class Blake2b {

    private Blake2b() {
    }

    static byte[] hash256(byte[] input) {
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
