package io.subnet2.validator.scoring;

import java.time.Instant;

/** A miner's tournament result (a tournament_results row without weight); rank 0 for the baseline. */
public record RankedResult(
        String hotkey,
        int uid,
        Instant submittedAt,
        double patternAccuracyScore,
        double dataCorrectnessScore,
        double performanceScore,
        double finalScore,
        int runsCounted,
        int rank,
        boolean beatBaseline,
        boolean isWinner) {
}
