package io.subnet2.validator.chain;

/** Hands a weight vector to the subnet (on chain in bittensor mode, to a file in local mode). */
public interface WeightPublisher {

    void publish(WeightVector weights);
}
