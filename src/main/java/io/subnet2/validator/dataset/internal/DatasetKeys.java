package io.subnet2.validator.dataset.internal;

import java.nio.ByteBuffer;

import io.subnet2.validator.dataset.DatasetSecret;

/**
 * The keys of one dataset, each HMAC-SHA256(secret, domain, purpose, seed): the seed of the random
 * stream, the AES-256 key of addresses and the one of transaction hashes. Another secret or another
 * seed gives unrelated keys.
 */
final class DatasetKeys {

    private static final String DOMAIN = "subnet2-validator/dataset-keys/v2";

    private final long randomSeed;
    private final byte[] addressKey;
    private final byte[] txKey;

    private DatasetKeys(long randomSeed, byte[] addressKey, byte[] txKey) {
        this.randomSeed = randomSeed;
        this.addressKey = addressKey;
        this.txKey = txKey;
    }

    static DatasetKeys derive(DatasetSecret secret, long seed) {
        return new DatasetKeys(ByteBuffer.wrap(key(secret, "random", seed)).getLong(),
                key(secret, "addresses", seed), key(secret, "transactions", seed));
    }

    long randomSeed() {
        return randomSeed;
    }

    Ids ids() {
        return new Ids(addressKey, txKey);
    }

    private static byte[] key(DatasetSecret secret, String purpose, long seed) {
        return KeyedHash.hmacSha256(secret.keyBytes(), DOMAIN, purpose, Long.toString(seed));
    }
}
