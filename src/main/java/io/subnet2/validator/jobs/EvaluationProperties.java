package io.subnet2.validator.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Retry policy of evaluations. A platform fault (Docker daemon error, restart, missing dataset) sends a
 * run or a submission back to pending for another attempt, {@code retry-delay} later, at most
 * {@code max-attempts} times; it is never charged to the miner. A run still {@code running} past
 * both phases' time limits plus {@code run-deadline-margin} is ended by the job watchdog, checked
 * every {@code deadline-check-interval}.
 */
@Validated
@ConfigurationProperties(prefix = "validator.evaluation")
public record EvaluationProperties(@NotNull @Min(1) @Max(20) Integer maxAttempts, @NotNull Duration retryDelay,
        Duration runDeadlineMargin, Duration deadlineCheckInterval) {

    public EvaluationProperties {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        runDeadlineMargin = runDeadlineMargin == null ? Duration.ofMinutes(30) : runDeadlineMargin;
        deadlineCheckInterval = deadlineCheckInterval == null ? Duration.ofMinutes(1) : deadlineCheckInterval;
        if (runDeadlineMargin.isNegative() || deadlineCheckInterval.toMillis() < 100) {
            throw new IllegalArgumentException("run-deadline-margin must be >= 0 and deadline-check-interval >= 100ms");
        }
    }
}
