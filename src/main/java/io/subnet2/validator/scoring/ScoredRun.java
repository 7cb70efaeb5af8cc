package io.subnet2.validator.scoring;

/** The parts of a finished run that tournament results average (scoring.md §6). */
public record ScoredRun(double patternAccuracy, boolean dataCorrect, double performance, double finalScore) {

    /** A run that is due but missing, or failed by a miner fault. */
    public static ScoredRun zero() {
        return new ScoredRun(0, false, 0, 0);
    }

    public static ScoredRun of(RunScore score) {
        return score.minerFault() ? zero()
                : new ScoredRun(score.patternAccuracy(), score.dataCorrect(), score.performance(), score.finalScore());
    }
}
