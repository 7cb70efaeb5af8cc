package io.subnet2.validator.chain.bittensor.timelock;

import java.util.HexFormat;

/**
 * drand quicknet's real signature of round 1000 (published by drand; quoted in ideal-lab5/timelock's test
 * tlock_encrypt_decrypt_drand_quicknet_works). TimelockEncryptionTest checks it as a BLS signature under
 * quicknet's public key, so it cannot be a made-up vector.
 */
public final class DrandVectors {

    public static final long ROUND = 1000;
    public static final String ROUND_1000_SIGNATURE_HEX =
            "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39";

    private DrandVectors() {
    }

    public static byte[] round1000Signature() {
        return HexFormat.of().parseHex(ROUND_1000_SIGNATURE_HEX);
    }
}
