package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Where the dataset secret comes from and when the public development value is refused. */
class DatasetSecretsTest {

    private static final String OWN = "an-operator-chosen-secret-value";
    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<DatasetSecret> stored(DatasetSecret secret) {
        return () -> {
            reads.incrementAndGet();
            return secret;
        };
    }

    @Test
    void aConfiguredSecretWinsAndTheDatabaseIsNotRead() {
        DatasetSecret secret = DatasetSecrets.resolve(OWN, false, "bittensor", stored(DatasetSecret.random(new SecureRandom())));
        assertThat(secret.value()).isEqualTo(OWN);
        assertThat(reads).hasValue(0);
    }

    @Test
    void withoutConfigurationTheStoredSecretIsUsed() {
        DatasetSecret random = DatasetSecret.random(new SecureRandom());
        assertThat(DatasetSecrets.resolve(null, false, "local", stored(random))).isEqualTo(random);
        assertThat(reads).hasValue(1);
    }

    @Test
    void chainModeRefusesTheDevelopmentValueEvenInTheDemoProfile() {
        for (boolean demo : new boolean[] {false, true}) {
            assertThatThrownBy(() -> DatasetSecrets.resolve(DatasetSecret.DEVELOPMENT_VALUE, demo, "bittensor", stored(null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("validator.dataset.secret").hasMessageContaining("validator.chain.mode=bittensor");
        }
        assertThatThrownBy(() -> DatasetSecrets.resolve(null, true, "bittensor", stored(DatasetSecret.DEVELOPMENT)))
                .as("a development value planted in the database is refused too").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevelopmentValueIsAllowedOnlyInTheDemoProfile() {
        assertThatThrownBy(() -> DatasetSecrets.resolve(DatasetSecret.DEVELOPMENT_VALUE, false, "local", stored(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'demo' profile");
        assertThat(DatasetSecrets.resolve(DatasetSecret.DEVELOPMENT_VALUE, true, "local", stored(null)).isDevelopment()).isTrue();
    }

    @Test
    void randomSecretsAre256BitsAndNeverPrinted() {
        DatasetSecret a = DatasetSecret.random(new SecureRandom());
        DatasetSecret b = DatasetSecret.random(new SecureRandom());
        assertThat(a.value()).matches("[0-9a-f]{64}").isNotEqualTo(b.value());
        assertThat(a.toString()).doesNotContain(a.value()).isEqualTo("DatasetSecret[redacted]");
        assertThat(new GenerationRequest(java.nio.file.Path.of("x"), 1, 1_000, "ethereum",
                GenerationRequest.DEFAULT_DATE, 7, a).toString()).doesNotContain(a.value());
        assertThatThrownBy(() -> new DatasetSecret("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
    }
}
