package io.subnet2.validator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.local.LocalBlockClock;

class LocalBlockClockTest {

    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private static LocalBlockClock at(Instant now) {
        return new LocalBlockClock(Clock.fixed(now, ZoneOffset.UTC), GENESIS, 12);
    }

    @Test
    void blocksAreTwelveSecondsFromGenesis() {
        assertThat(at(GENESIS).currentBlock()).isZero();
        assertThat(at(GENESIS.plusSeconds(11)).currentBlock()).isZero();
        assertThat(at(GENESIS.plusSeconds(12)).currentBlock()).isEqualTo(1);
        assertThat(at(GENESIS.plusSeconds(86_400)).currentBlock()).isEqualTo(7200);
        assertThat(at(GENESIS.minusSeconds(1)).currentBlock()).isEqualTo(-1);
    }

    @Test
    void timeOfBlockInvertsBlockAt() {
        LocalBlockClock clock = at(GENESIS);
        assertThat(clock.timeOfBlock(7200)).isEqualTo(GENESIS.plusSeconds(86_400));
        assertThat(clock.blockAt(clock.timeOfBlock(12345))).isEqualTo(12345);
    }
}
