package io.subnet2.validator.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seed of a tournament dataset: HMAC-SHA256 keyed with the validator's secret over (tournament,
 * epoch, network, date), each field length-prefixed so no two field lists share a message. Miners
 * cannot predict it without the secret; the validator can always reproduce it.
 */
public record DatasetSeed(long value) {

    private static final String DOMAIN = "subnet2-validator/dataset-seed/v1";

    public static DatasetSeed of(String secret, UUID tournamentId, long epoch, String network, LocalDate date) {
        Objects.requireNonNull(tournamentId, "tournamentId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(date, "date");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("dataset secret must not be blank");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (String field : new String[] {DOMAIN, tournamentId.toString(), Long.toString(epoch), network,
                    date.toString()}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return new DatasetSeed(ByteBuffer.wrap(mac.doFinal()).getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
