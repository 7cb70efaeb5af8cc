package io.subnet2.validator.chain.bittensor.weights;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of weight setting (bittensor mode): DOWN once two tempos have passed without weights set on chain,
 * counted from our hotkey's LastUpdate or, if that is older, from when this validator started watching.
 * Answers from the last poll; it never calls the node itself.
 */
public class WeightsHealth implements HealthIndicator {

    /** What the last poll saw. */
    public record Seen(long block, long since, long lastSet, int tempo, String lastFailure) {
    }

    private final AtomicReference<Seen> seen = new AtomicReference<>();

    public void update(long block, long lastSet, int tempo, String lastFailure) {
        seen.updateAndGet(old -> new Seen(block, old == null ? block : old.since(), lastSet, tempo,
                lastFailure != null ? lastFailure : old == null ? null : old.lastFailure()));
    }

    @Override
    public Health health() {
        Seen s = seen.get();
        if (s == null) {
            return Health.unknown().withDetail("reason", "the chain was not polled yet").build();
        }
        long from = Math.max(s.lastSet(), s.since());
        long behind = s.block() - from;
        Health.Builder builder = behind > 2L * s.tempo() ? Health.down() : Health.up();
        builder.withDetail("block", s.block()).withDetail("last_set_block", s.lastSet())
                .withDetail("blocks_since_last_set", behind).withDetail("tempo", s.tempo());
        if (s.lastFailure() != null) {
            builder.withDetail("last_failure", s.lastFailure());
        }
        return builder.build();
    }
}
