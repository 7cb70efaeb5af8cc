package io.subnet2.validator.chain.bittensor.weights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Setting weights in bittensor mode (docs/configuration.md "validator.chain.weights").
 *
 * @param versionKey the {@code version_key} sent; the chain refuses it when below the subnet's WeightsVersionKey
 * @param commitReveal {@code timelock} (v4, the chain's default) or {@code hash} (v2 commit_weights then
 *        reveal_weights, for a validator without BLS natives; it must stay up to reveal)
 * @param dryRun build and sign every extrinsic and log it, without sending it
 * @param pollInterval how often the chain is checked (confirmations, reveals, whether a new set is due)
 * @param eraPeriod mortality of each extrinsic in blocks (rounded up to a power of two)
 * @param confirmBlocks blocks after submission within which LastUpdate must show the set, else "not-included"
 * @param submitAttempts tries of one submission on transient failures (node unreachable, stale nonce), with
 *        backoff doubling from {@code submitBackoff}
 */
@Validated
@ConfigurationProperties(prefix = "validator.chain.weights")
public record WeightsProperties(@NotNull @Min(0) Long versionKey,
        @NotNull @Pattern(regexp = "timelock|hash", message = "must be 'timelock' or 'hash'") String commitReveal,
        @NotNull Boolean dryRun, @NotNull Duration pollInterval, @NotNull @Min(4) @Max(65536) Integer eraPeriod,
        @NotNull @Min(1) Integer confirmBlocks, @NotNull @Min(1) @Max(10) Integer submitAttempts,
        @NotNull Duration submitBackoff) {

    public WeightsProperties {
        versionKey = versionKey == null ? 0L : versionKey;
        commitReveal = commitReveal == null ? "timelock" : commitReveal;
        dryRun = dryRun != null && dryRun;
        pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
        eraPeriod = eraPeriod == null ? 64 : eraPeriod;
        confirmBlocks = confirmBlocks == null ? 10 : confirmBlocks;
        submitAttempts = submitAttempts == null ? 3 : submitAttempts;
        submitBackoff = submitBackoff == null ? Duration.ofSeconds(2) : submitBackoff;
    }

    public boolean useHashCommits() {
        return "hash".equals(commitReveal);
    }
}
