package io.subnet2.validator.chain.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import cafe.cryptography.curve25519.Scalar;

/**
 * A Merlin transcript (merlin 3.x, "Merlin v1.0" over STROBE-128) with the operations schnorrkel uses:
 * messages, challenges and witness scalars from the transcript RNG.
 */
final class MerlinTranscript {

    private final Strobe128 strobe;

    private MerlinTranscript(Strobe128 strobe) {
        this.strobe = strobe;
    }

    MerlinTranscript(String label) {
        this(new Strobe128(ascii("Merlin v1.0")));
        appendMessage("dom-sep", ascii(label));
    }

    MerlinTranscript copy() {
        return new MerlinTranscript(strobe.copy());
    }

    void appendMessage(String label, byte[] message) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(message.length), true);
        strobe.ad(message, false);
    }

    byte[] challengeBytes(String label, int length) {
        byte[] dest = new byte[length];
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(length), true);
        strobe.prf(dest, false);
        return dest;
    }

    Scalar challengeScalar(String label) {
        return Scalar.fromBytesModOrderWide(challengeBytes(label, 64));
    }

    /**
     * schnorrkel's witness_scalar: the transcript forked, rekeyed with the secret nonce seeds, then with
     * 32 fresh random bytes, so a weak RNG alone cannot leak the key.
     */
    Scalar witnessScalar(String label, byte[] nonceSeed, SecureRandom random) {
        Strobe128 rng = strobe.copy();
        rng.metaAd(ascii(label), false);
        rng.metaAd(le32(nonceSeed.length), true);
        rng.key(nonceSeed, false);
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        rng.metaAd(ascii("rng"), false);
        rng.key(fresh, false);
        byte[] wide = new byte[64];
        rng.metaAd(le32(wide.length), false);
        rng.prf(wide, false);
        return Scalar.fromBytesModOrderWide(wide);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
