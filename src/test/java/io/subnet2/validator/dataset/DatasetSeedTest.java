package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DatasetSeedTest {

    private static final UUID TOURNAMENT = UUID.fromString("6f1c2b0e-8a4d-4c59-9d57-2c1e0f3a7b11");
    private static final LocalDate DATE = LocalDate.of(2025, 1, 15);

    @Test
    void isAStableHmacOfTheFields() {
        long value = DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 3, "ethereum", DATE).value();
        assertThat(value).isEqualTo(DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 3, "ethereum", DATE).value());
        // pinned so that a change of the derivation (which would change every tournament's datasets) is noticed
        assertThat(value).isEqualTo(EXPECTED);
    }

    @Test
    void differsWhenAnyFieldDiffers() {
        long base = DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 3, "ethereum", DATE).value();
        Set<Long> variants = Set.of(
                DatasetSeed.of("another-validator-secret", TOURNAMENT, 3, "ethereum", DATE).value(),
                DatasetSeed.of("a-validator-secret-value", UUID.randomUUID(), 3, "ethereum", DATE).value(),
                DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 4, "ethereum", DATE).value(),
                DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 3, "bitcoin", DATE).value(),
                DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 3, "ethereum", DATE.plusDays(1)).value(),
                // shifting text between fields must not collide (length-prefixed fields)
                DatasetSeed.of("a-validator-secret-value", TOURNAMENT, 31, "ethereum", DATE).value());
        assertThat(variants).hasSize(6).doesNotContain(base);
    }

    @Test
    void rejectsABlankSecret() {
        assertThatThrownBy(() -> DatasetSeed.of(" ", TOURNAMENT, 0, "ethereum", DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Cross-checked with Python: hmac.new(key, b"".join(len32(f) + f for f in fields), sha256), first 8 bytes. */
    private static final long EXPECTED = -5_869_737_569_642_121_035L;
}
