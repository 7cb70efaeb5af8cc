package io.subnet2.validator.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EpochsTest {

    private final Epochs epochs = new Epochs(1000, 1000 + 360 * 4, 360);

    @Test
    void epochNumberAtBoundaries() {
        assertThat(epochs.epochAt(1000)).isZero();
        assertThat(epochs.epochAt(1359)).isZero();
        assertThat(epochs.epochAt(1360)).isEqualTo(1);
        assertThat(epochs.epochAt(1000 + 360 * 3 + 359)).isEqualTo(3);
    }

    @Test
    void aTournamentOfEEpochsRunsExactlyEEpochs() {
        // the end block is where epoch E would start: it and every later block still read as epoch E-1
        assertThat(epochs.epochCount()).isEqualTo(4);
        assertThat(epochs.epochAt(1000 + 360 * 4)).isEqualTo(3);
        assertThat(epochs.epochAt(1000 + 360 * 5)).isEqualTo(3);
        Epochs three = new Epochs(0, 3 * 25, 25);
        assertThat(java.util.stream.LongStream.range(0, 200).map(three::epochAt).distinct().toArray())
                .containsExactly(0, 1, 2);
        Epochs shorterThanOne = new Epochs(0, 10, 25);
        assertThat(shorterThanOne.epochCount()).isEqualTo(1);
        assertThat(shorterThanOne.epochAt(50)).isZero();
    }

    @Test
    void epochNumberIsClampedToTheTournament() {
        assertThat(epochs.epochAt(0)).isZero();
        assertThat(epochs.epochAt(999)).isZero();
        assertThat(epochs.epochAt(1_000_000)).isEqualTo(epochs.lastEpoch()).isEqualTo(3);
    }

    @Test
    void firstBlockAndEnd() {
        assertThat(epochs.firstBlockOf(2)).isEqualTo(1720);
        assertThat(epochs.hasEnded(2439)).isFalse();
        assertThat(epochs.hasEnded(2440)).isTrue();
    }

    @Test
    void testDateIsTheUtcDateOfTheEpochStartMinusOneDay() {
        assertThat(Epochs.testDate(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(Epochs.testDate(Instant.parse("2026-03-01T23:59:59Z"))).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(Epochs.testDate(Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(LocalDate.parse("2024-02-29"));
    }

    @Test
    void badWindowsAreRefused() {
        assertThatThrownBy(() -> new Epochs(10, 5, 360)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Epochs(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
