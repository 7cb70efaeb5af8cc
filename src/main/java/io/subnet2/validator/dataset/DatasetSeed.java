package io.subnet2.validator.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.subnet2.validator.dataset.internal.KeyedHash;

/**
 * The seed of a tournament dataset: HMAC-SHA256 keyed with the validator's secret over (tournament,
 * epoch, network, date), each field length-prefixed so no two field lists share a message. Miners
 * cannot predict it without the secret; the validator can always reproduce it.
 */
public record DatasetSeed(long value) {

    private static final String DOMAIN = "subnet2-validator/dataset-seed/v1";

    public static DatasetSeed of(DatasetSecret secret, UUID tournamentId, long epoch, String network, LocalDate date) {
        return of(secret.value(), tournamentId, epoch, network, date);
    }

    public static DatasetSeed of(String secret, UUID tournamentId, long epoch, String network, LocalDate date) {
        Objects.requireNonNull(tournamentId, "tournamentId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(date, "date");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("dataset secret must not be blank");
        }
        byte[] mac = KeyedHash.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), DOMAIN, tournamentId.toString(),
                Long.toString(epoch), network, date.toString());
        return new DatasetSeed(ByteBuffer.wrap(mac).getLong());
    }
}
