package io.subnet2.validator.jobs;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The tournament the validator creates by itself at epoch start whenever none is pending, in
 * registration or active on {@code netuid} (any chain mode), so it runs unattended. Placeholders
 * of {@code name-pattern}: {@code {seq}} (1 + tournaments so far on the netuid), {@code {netuid}},
 * {@code {date}} (UTC date of creation). {@code baseline-commit} may stay unset when
 * {@code baseline-repository} is a local folder (its version is then a hash of its files).
 * {@code local-quick-start} is read before binding, by {@code LocalQuickStart}: in local chain mode it
 * adds the short epochs and fast cron strings of {@code local-quick-start.yml} as lowest-priority defaults.
 */
@Validated
@ConfigurationProperties(prefix = "validator.tournaments")
public record AutoTournamentProperties(
        @NotNull Boolean autoCreate,
        @NotNull Boolean localQuickStart,
        @NotNull @Min(0) @Max(65535) Integer netuid,
        @NotBlank @Size(max = 150) String namePattern,
        @NotNull @Min(1) @Max(10_000) Integer epochs,
        @NotNull @Min(1) @Max(1_000_000) Integer epochBlocks,
        @NotNull Duration registration,
        @NotEmpty List<@Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,49}") String> networks,
        @Size(max = 500) String baselineRepository,
        @Pattern(regexp = "[0-9a-fA-F]{40}", message = "must be a full 40-hex commit") String baselineCommit) {

    public AutoTournamentProperties {
        autoCreate = autoCreate == null ? Boolean.TRUE : autoCreate;
        localQuickStart = localQuickStart == null ? Boolean.TRUE : localQuickStart;
        netuid = netuid == null ? 1 : netuid;
        namePattern = namePattern == null ? "tournament {seq} (netuid {netuid}, {date})" : namePattern;
        epochs = epochs == null ? 7 : epochs;
        epochBlocks = epochBlocks == null ? 7200 : epochBlocks;
        registration = registration == null ? Duration.ofHours(24) : registration;
        networks = networks == null ? List.of("torus") : List.copyOf(networks);
        baselineRepository = baselineRepository == null || baselineRepository.isBlank() ? "examples/baseline-analyzer"
                : baselineRepository;
        baselineCommit = baselineCommit == null || baselineCommit.isBlank() ? null : baselineCommit;
        if (registration.isNegative()) {
            throw new IllegalArgumentException("validator.tournaments.registration must not be negative");
        }
    }
}
