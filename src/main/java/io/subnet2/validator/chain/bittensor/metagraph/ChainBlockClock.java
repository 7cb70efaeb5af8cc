package io.subnet2.validator.chain.bittensor.metagraph;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.chain.BlockClock;

/**
 * Blocks of the chain: the current block is the finalized head. A past block's time is its
 * {@code Timestamp.Now} (the same for every validator, so epochs get the same test date everywhere);
 * when the node has pruned that block's state, and for future blocks, the time is extrapolated from the
 * head at the nominal block time.
 */
public final class ChainBlockClock implements BlockClock {

    private static final Logger log = LoggerFactory.getLogger(ChainBlockClock.class);
    private static final int CACHED_TIMES = 1024;

    private final SubtensorReads reads;
    private final Duration blockTime;
    private final Map<Long, Instant> times = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > CACHED_TIMES;
        }
    };
    private boolean warnedPruned;

    public ChainBlockClock(SubtensorReads reads, Duration blockTime) {
        this.reads = reads;
        this.blockTime = blockTime;
    }

    @Override
    public long currentBlock() {
        return reads.finalizedHead().number();
    }

    @Override
    public Instant timeOfBlock(long block) {
        synchronized (times) {
            Instant cached = times.get(block);
            if (cached != null) {
                return cached;
            }
        }
        Head head = head();
        if (block > head.number) {
            return head.time.plus(blockTime.multipliedBy(block - head.number));
        }
        Optional<Instant> recorded = block < 0 ? Optional.empty()
                : reads.blockHash(block).flatMap(reads::timestampAt);
        if (recorded.isEmpty()) {
            if (!warnedPruned) {
                warnedPruned = true;
                log.warn("the node keeps no state of block {} (not an archive node): block times before it are "
                        + "estimated from the head at {} s per block", block, blockTime.toSeconds());
            }
            return head.time.minus(blockTime.multipliedBy(head.number - block));
        }
        synchronized (times) {
            times.put(block, recorded.get());
        }
        return recorded.get();
    }

    @Override
    public long blockAt(Instant time) {
        Head head = head();
        return head.number + Math.floorDiv(Duration.between(head.time, time).toMillis(), blockTime.toMillis());
    }

    private Head head() {
        SubtensorReads.BlockRef ref = reads.finalizedHead();
        Instant time = reads.timestampAt(ref.hash())
                .orElseThrow(() -> new IllegalStateException("no Timestamp.Now at the finalized head " + ref));
        return new Head(ref.number(), time);
    }

    private record Head(long number, Instant time) {
    }
}
