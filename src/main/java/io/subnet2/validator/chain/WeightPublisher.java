package io.subnet2.validator.chain;

/** Hands a weight vector to the subnet (on chain in bittensor mode, to a file in local mode). */
public interface WeightPublisher {

    void publish(WeightVector weights);

    /**
     * Periodic chain work between publishes (confirming submissions, revealing commits); answers whether a
     * fresh weight vector is wanted now (bittensor mode: once per tempo). Local mode never wants one.
     */
    default boolean poll() {
        return false;
    }
}
