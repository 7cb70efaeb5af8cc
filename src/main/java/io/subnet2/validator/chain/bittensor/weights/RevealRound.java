package io.subnet2.validator.chain.bittensor.weights;

import java.time.Instant;

import io.subnet2.validator.chain.bittensor.timelock.Quicknet;

/**
 * The drand round a v4 commit is encrypted to (spec/bittensor.md "Commit-reveal v4"). A commit made in epoch
 * e is revealed when epoch e + reveal_period starts, which is {@code nextEpochStart + (revealPeriod − 1)·tempo};
 * three blocks more let that round's pulse reach the chain. The round is the one published a period before
 * that block's expected time (the SDK's floor), and never one older than the chain's {@code LastStoredRound}.
 */
public final class RevealRound {

    /** Blocks after the reveal block by which the pulse should be on chain (bittensor-drand SECURITY_BLOCK_OFFSET). */
    public static final int SECURITY_BLOCKS = 3;

    private RevealRound() {
    }

    public static long revealBlock(long nextEpochStart, int tempo, long revealPeriodEpochs) {
        return nextEpochStart + Math.max(0, revealPeriodEpochs - 1) * tempo + SECURITY_BLOCKS;
    }

    public static long round(long headBlock, Instant now, long nextEpochStart, int tempo, long revealPeriodEpochs,
            int blockSeconds, long lastStoredRound) {
        long target = revealBlock(nextEpochStart, tempo, revealPeriodEpochs);
        long seconds = now.getEpochSecond() + Math.max(0, target - headBlock) * blockSeconds;
        long round = Math.floorDiv(seconds - Quicknet.GENESIS_SECONDS, Quicknet.PERIOD_SECONDS);
        return Math.max(round, lastStoredRound);
    }
}
