package io.subnet2.validator.tournament;

/**
 * Terminal write of a run: its status and every score component. A miner-fault run carries zeros
 * (scoring.md §5); nulls mean "not measured" (for example a phase that never started).
 * {@code recallByType} is JSON (the evaluation_runs.recall_by_type column).
 */
public record RunOutcome(
        RunStatus status,
        FailureKind failureKind,
        Integer exitCode,
        Double featureTimeSeconds,
        Double patternTimeSeconds,
        Boolean dataCorrectness,
        Double patternAccuracy,
        Double patternRecall,
        Double patternPrecision,
        String recallByType,
        Double noveltyScore,
        Double performanceScore,
        Double finalScore,
        Integer patternsReported,
        Integer patternsValid,
        Integer instancesExpected,
        Integer instancesFound,
        String logExcerpt,
        String errorMessage) {

    /** Longest log excerpt stored (the column's bound). */
    public static final int MAX_LOG_CHARS = 262_144;

    public RunOutcome {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("an outcome needs a terminal status, not " + status);
        }
        if (status != RunStatus.COMPLETED && failureKind == null) {
            throw new IllegalArgumentException("a " + status.id() + " run needs a failure kind");
        }
        if (logExcerpt != null && logExcerpt.length() > MAX_LOG_CHARS) {
            logExcerpt = logExcerpt.substring(0, MAX_LOG_CHARS);
        }
    }

    /** A miner fault: every component 0. */
    public static RunOutcome minerFault(RunStatus status, Integer exitCode, Double featureSeconds,
            Double patternSeconds, String logExcerpt, String error) {
        return new RunOutcome(status, FailureKind.MINER, exitCode, featureSeconds, patternSeconds, false, 0.0, 0.0,
                0.0, null, 0.0, 0.0, 0.0, 0, 0, null, 0, logExcerpt, error);
    }
}
