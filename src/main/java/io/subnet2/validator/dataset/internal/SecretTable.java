package io.subnet2.validator.dataset.internal;

import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.subnet2.validator.dataset.DatasetSecret;

/**
 * The {@code dataset_secret} table (Flyway V5): one row holding the secret every validator on the
 * database shares. The first validator to start inserts a fresh random secret; an insert that races
 * with another does nothing, and every caller then reads back the one row that won.
 */
public final class SecretTable {

    private final JdbcClient jdbc;

    public SecretTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored secret, created first (from {@code random}) when there is none; and whether this call created it. */
    public Stored readOrCreate(SecureRandom random) {
        int inserted = jdbc.sql("INSERT INTO dataset_secret (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .param("secret", DatasetSecret.random(random).value()).update();
        String secret = jdbc.sql("SELECT secret FROM dataset_secret WHERE id = 1").query(String.class).single();
        return new Stored(new DatasetSecret(secret), inserted == 1);
    }

    /** A secret read from the table; {@code created} when this call inserted it. */
    public record Stored(DatasetSecret secret, boolean created) {
    }
}
