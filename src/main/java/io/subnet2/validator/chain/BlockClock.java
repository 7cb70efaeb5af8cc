package io.subnet2.validator.chain;

import java.time.Instant;

/** The subnet's block height, and the wall-clock time of a block. */
public interface BlockClock {

    long currentBlock();

    /** Wall-clock time at which {@code block} was (or will be) produced. */
    Instant timeOfBlock(long block);

    /** The block being produced at {@code time}. */
    long blockAt(Instant time);
}
