package io.subnet2.validator.scoring;

import java.nio.file.Path;

/**
 * One run to score: the dataset's {@code input/} folder (transfers.parquet, address_labels.parquet),
 * its ground_truth.parquet, the analyzer's output folder and the phase times of the miner and of
 * the baseline on the same dataset.
 */
public record RunScoreRequest(Path input, Path groundTruth, Path output, PhaseTimes miner, PhaseTimes baseline,
                              ScoringProperties properties) {

    public RunScoreRequest {
        miner = miner == null ? PhaseTimes.unknown() : miner;
        baseline = baseline == null ? PhaseTimes.unknown() : baseline;
        properties = properties == null ? ScoringProperties.defaults() : properties;
    }
}
