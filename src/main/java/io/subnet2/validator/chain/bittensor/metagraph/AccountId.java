package io.subnet2.validator.chain.bittensor.metagraph;

import java.util.Arrays;

import io.subnet2.validator.chain.bittensor.keys.Ss58;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;

/** A 32-byte account id (an sr25519 public key). */
public final class AccountId {

    public static final int LENGTH = 32;
    /** The SS58 prefix of Bittensor (the generic substrate one). */
    public static final int SS58_PREFIX = 42;

    private final byte[] bytes;

    public AccountId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("account id of " + bytes.length + " bytes");
        }
        this.bytes = bytes.clone();
    }

    static AccountId read(ScaleReader r) {
        return new AccountId(r.fixed(LENGTH));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String ss58() {
        return Ss58.encode(bytes, SS58_PREFIX);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
