package io.subnet2.validator.chain.bittensor.weights;

import java.util.OptionalInt;

/**
 * What the chain says about setting weights on a subnet, read at one block: the hyperparameters
 * (storage defaults applied where a key is absent, as the runtime does) and our own neuron.
 *
 * @param uid our hotkey's uid on the subnet, empty when it is not registered
 * @param lastUpdate the block of our last weights (or commit) on the subnet, 0 when never
 */
public record SubnetWeightState(long block, boolean commitRevealEnabled, int commitRevealVersion, long rateLimit,
        long versionKey, int tempo, long revealPeriodEpochs, OptionalInt uid, boolean validatorPermit, long lastUpdate) {

    /** Blocks until the chain accepts our next set or commit (the runtime's check_rate_limit); 0 when now. */
    public long blocksUntilAllowed() {
        if (lastUpdate == 0) {
            return 0;
        }
        return Math.max(0, lastUpdate + rateLimit - block);
    }

    public long blocksSinceLastUpdate() {
        return lastUpdate == 0 ? Long.MAX_VALUE : block - lastUpdate;
    }
}
