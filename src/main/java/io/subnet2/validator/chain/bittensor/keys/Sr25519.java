package io.subnet2.validator.chain.bittensor.keys;

import java.security.SecureRandom;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;

/**
 * sr25519 (schnorrkel 0.11) Schnorr signatures over ristretto255 with Substrate's signing context
 * {@code "substrate"}: the transcript is SigningContext("substrate") ‖ sign-bytes(message) ‖
 * proto-name "Schnorr-sig" ‖ sign:pk ‖ sign:R, the challenge {@code sign:c}. A signature is
 * {@code R (32) ‖ s (32)} with bit 7 of the last byte set (schnorrkel's marker).
 */
public final class Sr25519 {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;
    static final String SIGNING_CONTEXT = "substrate";

    private Sr25519() {
    }

    /**
     * Whether {@code signature} is a valid sr25519 signature of {@code message} by {@code publicKey}. Never
     * throws: null, wrongly sized, unmarked, non-canonical or otherwise malformed input is simply false.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null
                || publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH
                || (signature[63] & 0x80) == 0) {
            return false;
        }
        try {
            RistrettoElement a = new CompressedRistretto(publicKey.clone()).decompress();
            byte[] rBytes = java.util.Arrays.copyOfRange(signature, 0, 32);
            byte[] sBytes = java.util.Arrays.copyOfRange(signature, 32, 64);
            sBytes[31] &= 0x7f;
            Scalar s = Scalar.fromCanonicalBytes(sBytes);
            MerlinTranscript t = transcript(publicKey, message);
            t.appendMessage("sign:R", rBytes);
            Scalar k = t.challengeScalar("sign:c");
            RistrettoElement r = Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).subtract(a.multiply(k));
            return java.security.MessageDigest.isEqual(r.compress().toByteArray(), rBytes);
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] sign(Scalar key, byte[] nonce, byte[] publicKey, byte[] message, SecureRandom random) {
        MerlinTranscript t = transcript(publicKey, message);
        Scalar r = t.witnessScalar("signing", nonce, random);
        byte[] rBytes = Constants.RISTRETTO_GENERATOR_TABLE.multiply(r).compress().toByteArray();
        t.appendMessage("sign:R", rBytes);
        Scalar k = t.challengeScalar("sign:c");
        byte[] s = k.multiplyAndAdd(key, r).toByteArray();
        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(rBytes, 0, signature, 0, 32);
        System.arraycopy(s, 0, signature, 32, 32);
        signature[63] |= (byte) 0x80;
        return signature;
    }

    private static MerlinTranscript transcript(byte[] publicKey, byte[] message) {
        MerlinTranscript t = new MerlinTranscript("SigningContext");
        t.appendMessage("", MerlinTranscript.ascii(SIGNING_CONTEXT));
        t.appendMessage("sign-bytes", message);
        t.appendMessage("proto-name", MerlinTranscript.ascii("Schnorr-sig"));
        t.appendMessage("sign:pk", publicKey);
        return t;
    }
}
