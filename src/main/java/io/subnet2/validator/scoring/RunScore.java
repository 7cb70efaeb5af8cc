package io.subnet2.validator.scoring;

import java.util.Map;

/**
 * Every component of one run's score (scoring.md §1-5, v2 pattern components of integrity.md):
 * {@code patternAccuracy} is the average precision over the confidence ranking, {@code recall} found /
 * counted instances, {@code precision} hits / reported patterns, {@code recallByType} the recall per
 * ground-truth pattern_type. {@code minerFault} is true when the run
 * failed through the miner's output (unreadable, hostile, over a limit): then every component is 0
 * and {@code error} says why. A readable output failing the data-correctness gate keeps its pattern
 * components for explanation, with {@code dataCorrect} false, {@code finalScore} 0 and the gate's
 * message in {@code error}.
 */
public record RunScore(
        boolean dataCorrect,
        double patternAccuracy,
        double recall,
        double precision,
        double novelty,
        Map<String, TypeRecall> recallByType,
        double performance,
        double performanceFeatures,
        double performancePatterns,
        Double executionTimeSeconds,
        double finalScore,
        PatternCounts counts,
        boolean minerFault,
        String error) {

    public static RunScore minerFault(String error, Double executionTimeSeconds) {
        return new RunScore(false, 0, 0, 0, 0, Map.of(), 0, 0, 0, executionTimeSeconds, 0, PatternCounts.none(), true,
                error);
    }
}
