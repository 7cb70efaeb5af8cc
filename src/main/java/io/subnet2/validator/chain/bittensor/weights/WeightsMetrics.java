package io.subnet2.validator.chain.bittensor.weights;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters of weight setting: {@code validator.weights.attempts{call,outcome}},
 * {@code validator.weights.failures{reason}}, {@code validator.weights.skipped{reason}} and the gauge {@code validator.weights.blocks.since.last.set}
 * (-1 until the first poll, or while our hotkey never set weights).
 */
public class WeightsMetrics {

    private final MeterRegistry registry;
    private final AtomicLong blocksSinceLastSet = new AtomicLong(-1);

    public WeightsMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("validator.weights.blocks.since.last.set", blocksSinceLastSet, AtomicLong::get)
                .description("blocks since our weights (or commit) were last set on chain").register(registry);
    }

    public void attempt(String call, String outcome) {
        Counter.builder("validator.weights.attempts").tag("call", call).tag("outcome", outcome).register(registry).increment();
    }

    public void failure(String reason) {
        Counter.builder("validator.weights.failures").tag("reason", reason).register(registry).increment();
    }

    public void skipped(String reason) {
        Counter.builder("validator.weights.skipped").tag("reason", reason).register(registry).increment();
    }

    public void blocksSinceLastSet(long blocks) {
        blocksSinceLastSet.set(blocks);
    }
}
