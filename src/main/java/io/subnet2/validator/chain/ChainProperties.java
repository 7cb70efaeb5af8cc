package io.subnet2.validator.chain;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How the validator reaches the subnet: {@code local} (configured miners, wall-clock blocks) or
 * {@code bittensor} (a subtensor node and the miners' axons; spec/bittensor.md).
 */
@Validated
@ConfigurationProperties(prefix = "validator.chain")
public record ChainProperties(
        @NotNull @Pattern(regexp = "local|bittensor", message = "must be 'local' or 'bittensor'") String mode,
        @Valid @NotNull Local local, @Valid @NotNull BittensorProperties bittensor) {

    public ChainProperties {
        mode = mode == null ? "local" : mode;
        local = local == null ? new Local(null, null, null) : local;
        bittensor = bittensor == null ? BittensorProperties.defaults() : bittensor;
    }

    /**
     * Local mode: block 0 at {@code genesis}, one block every {@code blockSeconds}; {@code miners} answer
     * every registration query with their configured repository and commit.
     */
    public record Local(@NotNull Instant genesis, @NotNull @Min(1) Integer blockSeconds,
            List<@Valid LocalMiner> miners) {
        public Local {
            genesis = genesis == null ? Instant.parse("2025-01-01T00:00:00Z") : genesis;
            blockSeconds = blockSeconds == null ? 12 : blockSeconds;
            miners = miners == null ? List.of() : List.copyOf(miners);
        }
    }

    /** A miner of local mode. */
    public record LocalMiner(@NotBlank String hotkey, @NotNull @Min(0) Integer uid, @NotBlank String repositoryUrl,
            @NotBlank String commitHash) {
    }
}
