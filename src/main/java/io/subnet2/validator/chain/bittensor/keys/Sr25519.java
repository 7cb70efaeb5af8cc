package io.subnet2.validator.chain.bittensor.keys;

/** TEMPORARY compile stub until branch keys is merged (replaced by the real class there). */
public final class Sr25519 {
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        throw new UnsupportedOperationException("stub");
    }
}
