package io.subnet2.validator.chain.bittensor.keys;

/** TEMPORARY compile stub until branch keys is merged (replaced by the real class there). */
public final class Sr25519Keypair {
    public static Sr25519Keypair fromMiniSecret(byte[] miniSecret) {
        throw new UnsupportedOperationException("stub");
    }

    public static Sr25519Keypair fromUri(String uri) {
        throw new UnsupportedOperationException("stub");
    }

    public byte[] publicKey() {
        throw new UnsupportedOperationException("stub");
    }

    public String ss58() {
        throw new UnsupportedOperationException("stub");
    }

    public byte[] sign(byte[] message) {
        throw new UnsupportedOperationException("stub");
    }
}
