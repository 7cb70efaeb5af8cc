package io.subnet2.validator.tournament;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Epoch arithmetic of spec/lifecycle.md "Epochs and blocks". */
public record Epochs(long startBlock, long endBlock, int epochBlocks) {

    public Epochs {
        if (epochBlocks <= 0 || endBlock < startBlock) {
            throw new IllegalArgumentException("bad epoch window " + startBlock + ".." + endBlock + " / " + epochBlocks);
        }
    }

    /**
     * Last epoch number: a tournament of E epochs has epochs 0..E-1, its end block being where epoch E would
     * start (a window shorter than one epoch still has epoch 0).
     */
    public long lastEpoch() {
        return Math.max(0, (endBlock - startBlock) / epochBlocks - 1);
    }

    /** Number of epochs the tournament runs. */
    public long epochCount() {
        return lastEpoch() + 1;
    }

    /** {@code (block - start) / epochBlocks}, clamped to {@code [0, lastEpoch]}. */
    public long epochAt(long block) {
        long epoch = Math.floorDiv(block - startBlock, (long) epochBlocks);
        return Math.max(0, Math.min(epoch, lastEpoch()));
    }

    /** First block of {@code epoch}. */
    public long firstBlockOf(long epoch) {
        return startBlock + epoch * epochBlocks;
    }

    public boolean hasEnded(long block) {
        return block >= endBlock;
    }

    /** The data date of an epoch's runs: the UTC date of the epoch's start, minus one day. */
    public static LocalDate testDate(Instant epochStart) {
        return LocalDate.ofInstant(epochStart, ZoneOffset.UTC).minusDays(1);
    }
}
