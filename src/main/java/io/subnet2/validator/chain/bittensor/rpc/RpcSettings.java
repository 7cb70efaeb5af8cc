package io.subnet2.validator.chain.bittensor.rpc;

import java.time.Duration;

/**
 * Limits of {@link JsonRpcClient}: connect and per-call timeouts, attempts over all endpoints (each failed
 * attempt moves to the next endpoint, after a backoff doubling from {@code initialBackoff} up to
 * {@code maxBackoff}), and the largest reply accepted.
 */
public record RpcSettings(Duration connectTimeout, Duration callTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, int maxReplyBytes) {

    public static final RpcSettings DEFAULTS = new RpcSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4,
            Duration.ofMillis(500), Duration.ofSeconds(8), 32 << 20);

    public RpcSettings {
        if (maxAttempts < 1 || maxReplyBytes < 1024 || callTimeout.isNegative() || callTimeout.isZero()
                || connectTimeout.isNegative() || connectTimeout.isZero() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bad RPC settings " + this);
        }
    }

    Duration backoff(int failedAttempts) {
        long millis = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
