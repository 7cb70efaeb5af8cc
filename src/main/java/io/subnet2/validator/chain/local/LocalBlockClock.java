package io.subnet2.validator.chain.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.subnet2.validator.chain.BlockClock;

/** Wall-clock blocks: {@code floor((now - genesis) / blockSeconds)}. */
public final class LocalBlockClock implements BlockClock {

    private final Clock clock;
    private final Instant genesis;
    private final long blockMillis;

    public LocalBlockClock(Clock clock, Instant genesis, int blockSeconds) {
        this.clock = clock;
        this.genesis = genesis;
        this.blockMillis = Duration.ofSeconds(blockSeconds).toMillis();
    }

    @Override
    public long currentBlock() {
        return blockAt(clock.instant());
    }

    @Override
    public Instant timeOfBlock(long block) {
        return genesis.plusMillis(Math.multiplyExact(block, blockMillis));
    }

    @Override
    public long blockAt(Instant time) {
        return Math.floorDiv(Duration.between(genesis, time).toMillis(), blockMillis);
    }
}
