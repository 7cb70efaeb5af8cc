package io.subnet2.validator.scoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

import io.subnet2.validator.dataset.PatternType;

/**
 * Every constant of scoring.md, under {@code validator.scoring.*}. A tournament stores a snapshot of
 * it ({@link #toJson()} / {@link #fromJson(String)}) so a running tournament is never re-scored with
 * changed constants. Missing values (null) take the defaults of scoring.md.
 */
@ConfigurationProperties(prefix = "validator.scoring")
@Validated
public record ScoringProperties(
        @Valid Gate gate,
        @Valid Rules rules,
        @Valid RunWeights run,
        @Valid Limits limits,
        @Valid Weights weights,
        @PositiveOrZero Double beatMargin,
        @Min(1) Integer readThreads) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ScoringProperties {
        gate = gate == null ? new Gate(null, null, null) : gate;
        rules = rules == null ? Rules.defaults() : rules;
        run = run == null ? new RunWeights(null, null, null, null) : run;
        limits = limits == null ? Limits.defaults() : limits;
        weights = weights == null ? new Weights(null, null, null) : weights;
        beatMargin = beatMargin == null ? 0.01 : beatMargin;
        readThreads = readThreads == null ? 2 : readThreads;
    }

    public static ScoringProperties defaults() {
        return new ScoringProperties(null, null, null, null, null, null, null);
    }

    /** Chain mode whose default burn uid is {@value #CHAIN_BURN_UID} (integrity.md "Weights"). */
    public static final String BITTENSOR_MODE = "bittensor";
    /** The subnet owner's uid by convention. */
    public static final int CHAIN_BURN_UID = 0;

    /**
     * These constants as used under {@code validator.chain.mode}: in bittensor mode a missing burn
     * uid is {@value #CHAIN_BURN_UID}, so weight nobody earned goes to the owner instead of nowhere.
     */
    public ScoringProperties forChainMode(String chainMode) {
        if (!BITTENSOR_MODE.equals(chainMode) || weights.burnUid() != null) {
            return this;
        }
        return new ScoringProperties(gate, rules, run, limits,
                new Weights(weights.policy(), weights.decay(), CHAIN_BURN_UID), beatMargin, readThreads);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static ScoringProperties fromJson(String json) {
        return JSON.readValue(json, ScoringProperties.class);
    }

    /** Data-correctness gate (scoring.md §1). */
    public record Gate(
            @PositiveOrZero Double usdAbsTolerance,
            @PositiveOrZero Double usdRelTolerance,
            @Min(1) Integer reportedMismatches) {
        public Gate {
            usdAbsTolerance = usdAbsTolerance == null ? 1e-6 : usdAbsTolerance;
            usdRelTolerance = usdRelTolerance == null ? 1e-6 : usdRelTolerance;
            reportedMismatches = reportedMismatches == null ? 5 : reportedMismatches;
        }
    }

    /** Pattern rules and pattern components (scoring.md §2-3). */
    public record Rules(
            @Min(2) Integer cycleMinAddresses,
            @Min(2) Integer layeringMinAddresses,
            @Min(1) Integer motifMinLeaves,
            @Min(2) Integer smurfingMinMembers,
            @Min(2) Integer proximityMinAddresses,
            @Valid MaxAddresses maxAddresses,
            @Min(1) Integer burstMinAddresses,
            @Positive Long burstWindowSeconds,
            @Min(1) Integer burstMinTransfers,
            @Min(1) Integer burstMaxCandidates,
            @Min(1) Integer thresholdMinAddresses,
            @NotEmpty @jakarta.validation.constraints.Size(max = 8) List<Long> thresholdValues,
            @DecimalMin("0") @DecimalMax("1") Double thresholdBandLow,
            @Min(1) Integer thresholdMinTransfers,
            String flaggedAddressType,
            String flaggedRiskLevel,
            @DecimalMin("0") @DecimalMax("1") Double recallCoverage,
            @DecimalMin("0") @DecimalMax("1") Double matchPurity,
            @DecimalMin("0") @DecimalMax("1") Double noveltyCapFraction) {
        public Rules {
            cycleMinAddresses = or(cycleMinAddresses, 2);
            layeringMinAddresses = or(layeringMinAddresses, 4);
            motifMinLeaves = or(motifMinLeaves, 3);
            smurfingMinMembers = or(smurfingMinMembers, 3);
            proximityMinAddresses = or(proximityMinAddresses, 2);
            maxAddresses = maxAddresses == null ? MaxAddresses.defaults() : maxAddresses;
            burstMinAddresses = or(burstMinAddresses, 2);
            burstWindowSeconds = burstWindowSeconds == null ? 3600L : burstWindowSeconds;
            burstMinTransfers = or(burstMinTransfers, 10);
            burstMaxCandidates = or(burstMaxCandidates, 4096);
            thresholdMinAddresses = or(thresholdMinAddresses, 2);
            thresholdValues = thresholdValues == null ? List.of(10_000L, 15_000L, 50_000L, 100_000L)
                    : List.copyOf(thresholdValues);
            thresholdBandLow = thresholdBandLow == null ? 0.8 : thresholdBandLow;
            thresholdMinTransfers = or(thresholdMinTransfers, 5);
            flaggedAddressType = flaggedAddressType == null ? "flagged" : flaggedAddressType;
            flaggedRiskLevel = flaggedRiskLevel == null ? "critical" : flaggedRiskLevel;
            recallCoverage = recallCoverage == null ? 0.5 : recallCoverage;
            matchPurity = matchPurity == null ? 0.5 : matchPurity;
            noveltyCapFraction = noveltyCapFraction == null ? 0.5 : noveltyCapFraction;
        }

        public static Rules defaults() {
            return new Rules(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }
    }

    /**
     * Largest pattern per type (integrity.md "Size bounds"); a longer one is invalid
     * ({@code too_many_addresses}). Bound as {@code max-addresses.proximity_risk} or {@code proximity-risk}.
     */
    public record MaxAddresses(
            @Min(1) Integer cycle,
            @Min(1) Integer layeringPath,
            @Min(1) Integer smurfingNetwork,
            @Min(1) Integer proximityRisk,
            @Min(1) Integer motifFanin,
            @Min(1) Integer motifFanout,
            @Min(1) Integer temporalBurst,
            @Min(1) Integer thresholdEvasion) {
        public MaxAddresses {
            cycle = or(cycle, 256);
            layeringPath = or(layeringPath, 256);
            smurfingNetwork = or(smurfingNetwork, 256);
            proximityRisk = or(proximityRisk, 7);
            motifFanin = or(motifFanin, 256);
            motifFanout = or(motifFanout, 256);
            temporalBurst = or(temporalBurst, 256);
            thresholdEvasion = or(thresholdEvasion, 256);
        }

        public static MaxAddresses defaults() {
            return new MaxAddresses(null, null, null, null, null, null, null, null);
        }

        public int of(PatternType type) {
            return switch (type) {
                case CYCLE -> cycle;
                case LAYERING_PATH -> layeringPath;
                case SMURFING_NETWORK -> smurfingNetwork;
                case PROXIMITY_RISK -> proximityRisk;
                case MOTIF_FANIN -> motifFanin;
                case MOTIF_FANOUT -> motifFanout;
                case TEMPORAL_BURST -> temporalBurst;
                case THRESHOLD_EVASION -> thresholdEvasion;
            };
        }
    }

    /** The run score: final = correct ? accuracy*A + correctness*1 + performance*P + novelty*N : 0. */
    public record RunWeights(
            @PositiveOrZero Double accuracy,
            @PositiveOrZero Double correctness,
            @PositiveOrZero Double performance,
            @PositiveOrZero Double novelty) {
        public RunWeights {
            accuracy = accuracy == null ? 0.5 : accuracy;
            correctness = correctness == null ? 0.3 : correctness;
            performance = performance == null ? 0.2 : performance;
            novelty = novelty == null ? 0.0 : novelty;
        }
    }

    /** Bounds on reading miner outputs; exceeding one is a miner fault. */
    public record Limits(
            @Positive Long maxFileBytes,
            @Positive Integer maxFooterBytes,
            @Positive Integer maxRowGroups,
            @Positive Long maxPatterns,
            @Positive Long maxListedAddresses,
            @Positive Integer maxPatternAddresses,
            @Positive Integer maxStringBytes,
            @Positive Integer maxPageBytes,
            @Positive Integer maxDictionaryEntries,
            @Positive Long maxRowGroupBytes,
            @Positive Long maxDecompressedBytes) {
        public Limits {
            maxFileBytes = maxFileBytes == null ? 2L << 30 : maxFileBytes;
            maxFooterBytes = or(maxFooterBytes, 8 << 20);
            maxRowGroups = or(maxRowGroups, 10_000);
            maxPatterns = maxPatterns == null ? 2_000_000L : maxPatterns;
            maxListedAddresses = maxListedAddresses == null ? 40_000_000L : maxListedAddresses;
            maxPatternAddresses = or(maxPatternAddresses, 100_000);
            maxStringBytes = or(maxStringBytes, 512);
            maxPageBytes = or(maxPageBytes, 64 << 20);
            maxDictionaryEntries = or(maxDictionaryEntries, 4_000_000);
            maxRowGroupBytes = maxRowGroupBytes == null ? 512L << 20 : maxRowGroupBytes;
            maxDecompressedBytes = maxDecompressedBytes == null ? 2L << 30 : maxDecompressedBytes;
        }

        public static Limits defaults() {
            return new Limits(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Weight vector policy (scoring.md §7). */
    public record Weights(Policy policy, @DecimalMin("0") @DecimalMax("1") Double decay, @Min(0) Integer burnUid) {
        public Weights {
            policy = policy == null ? Policy.PROPORTIONAL : policy;
            decay = decay == null ? 0.5 : decay;
        }
    }

    public enum Policy {
        PROPORTIONAL("proportional"),
        WINNER_TAKE_ALL("winner-take-all"),
        RANK_DECAY("rank-decay");

        private final String id;

        Policy(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        @JsonCreator
        public static Policy fromId(String id) {
            for (Policy policy : values()) {
                if (policy.id.equalsIgnoreCase(id) || policy.name().equalsIgnoreCase(id)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("unknown weight policy '" + id + "'");
        }
    }

    private static Integer or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
