package io.subnet2.validator.chain.bittensor.keys;

/** TEMPORARY compile stub until branch keys is merged (replaced by the real class there). */
public final class Ss58 {
    public static String encode(byte[] publicKey, int prefix) {
        throw new UnsupportedOperationException("stub");
    }

    public static byte[] decode(String address) {
        throw new UnsupportedOperationException("stub");
    }
}
