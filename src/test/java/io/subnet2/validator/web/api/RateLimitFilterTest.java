package io.subnet2.validator.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.web.ApiProperties;

/** The token bucket on a clock the test moves (nanoseconds), no sleeping. */
class RateLimitFilterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimitFilter filter(int perMinute, int burst, int maxClients) {
        return new RateLimitFilter(new ApiProperties.RateLimit(perMinute, burst, maxClients), now::get);
    }

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        RateLimitFilter filter = filter(60, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(filter.acquire("10.0.0.1")).isZero();
        }
        assertThat(filter.acquire("10.0.0.1")).as("seconds to wait").isEqualTo(1);
        now.addAndGet(999_000_000L);
        assertThat(filter.acquire("10.0.0.1")).isEqualTo(1);
        now.addAndGet(1_000_000L);
        assertThat(filter.acquire("10.0.0.1")).isZero();
        assertThat(filter.acquire("10.0.0.1")).isEqualTo(1);
    }

    @Test
    void oneFloodingAddressNeverBlocksAnother() {
        RateLimitFilter filter = filter(60, 5, 100);
        long refused = 0;
        for (int i = 0; i < 10_000; i++) {
            refused += filter.acquire("attacker") > 0 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10_000 - 5);
        assertThat(filter.acquire("someone-else")).isZero();
    }

    @Test
    void refillNeverExceedsTheBurst() {
        RateLimitFilter filter = filter(600, 2, 100);
        filter.acquire("a");
        now.addAndGet(3_600_000_000_000L);
        assertThat(filter.acquire("a")).isZero();
        assertThat(filter.acquire("a")).isZero();
        assertThat(filter.acquire("a")).isPositive();
    }

    @Test
    void trackedAddressesStayBounded() {
        RateLimitFilter filter = filter(60, 5, 100);
        for (int i = 0; i < 5_000; i++) {
            now.addAndGet(1000);
            assertThat(filter.acquire("spoofed-" + i)).isZero();
        }
        assertThat(filter.trackedClients()).isLessThanOrEqualTo(100);
    }

    @Test
    void zeroRequestsPerMinuteTurnsItOff() {
        RateLimitFilter filter = filter(0, 1, 100);
        for (int i = 0; i < 1000; i++) {
            assertThat(filter.acquire("a")).isZero();
        }
        assertThat(filter.trackedClients()).isZero();
    }
}
