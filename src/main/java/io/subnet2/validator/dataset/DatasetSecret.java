package io.subnet2.validator.dataset;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The dataset secret (integrity.md "Dataset rules"): the key of dataset seeds, of the generator's
 * random stream and of the address and transaction-hash PRFs. Whoever holds it can regenerate every
 * dataset and its ground truth, so {@link #toString()} never shows it.
 */
public record DatasetSecret(String value) {

    public static final int MIN_LENGTH = 16;
    /** The public development value: only for the {@code demo} profile, tests and local experiments. */
    public static final String DEVELOPMENT_VALUE = "dev-only-insecure-dataset-secret";
    public static final DatasetSecret DEVELOPMENT = new DatasetSecret(DEVELOPMENT_VALUE);
    private static final int RANDOM_BYTES = 32;

    public DatasetSecret {
        Objects.requireNonNull(value, "dataset secret");
        if (value.isBlank() || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("dataset secret must have at least " + MIN_LENGTH + " characters");
        }
    }

    /** A fresh 256-bit secret (64 hex digits). */
    public static DatasetSecret random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new DatasetSecret(HexFormat.of().formatHex(bytes));
    }

    public boolean isDevelopment() {
        return DEVELOPMENT_VALUE.equals(value);
    }

    /** The HMAC key: the secret's UTF-8 bytes. */
    public byte[] keyBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return isDevelopment() ? "DatasetSecret[development]" : "DatasetSecret[redacted]";
    }
}
