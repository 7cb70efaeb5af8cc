package io.subnet2.validator.tournament;

/** One miner's aggregated result (scoring.md §6-7); rank is null for the baseline. */
public record NewResult(String hotkey, int uid, double patternAccuracyScore, double dataCorrectnessScore,
        double performanceScore, double finalScore, Integer rank, boolean beatBaseline, boolean winner,
        int runsCounted, double weight) {
}
