package io.subnet2.validator.chain.bittensor.dendrite;

import java.time.Duration;

/**
 * How the dendrite queries axons: per-query timeout (also sent as the synapse's {@code timeout}), queries in
 * flight at once, the largest answer read, the ip announced as the dendrite's, and whether axons on
 * loopback or private addresses are queried (off on a public subnet: a miner could point the validator
 * at services of its own network).
 */
public record DendriteSettings(Duration timeout, int concurrency, int maxResponseBytes, String externalIp,
        boolean allowPrivateAxons) {

    public DendriteSettings {
        if (timeout.isNegative() || timeout.isZero() || concurrency < 1 || maxResponseBytes < 1024) {
            throw new IllegalArgumentException("bad dendrite settings " + this);
        }
    }
}
