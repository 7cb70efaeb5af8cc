package io.subnet2.validator.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON shapes of the public API (snake_case, ISO-8601 times), built from entities read through
 * TournamentService; no entity is ever serialised. None holds ground truth, dataset paths, build logs
 * or container logs: a run's log excerpt appears only in {@link OwnRun}. Adding a field is one line in
 * the record and one in its {@code of}.
 */
public final class Views {

    private Views() {
    }

    /** One page of a listing: {@code page} counts from 0. */
    public record Paged<T>(List<T> items, long total, int page, int size) {
    }

    public record TournamentView(
            UUID id,
            String name,
            int netuid,
            String status,
            Instant registrationStart,
            Instant registrationEnd,
            long startBlock,
            long endBlock,
            int epochBlocks,
            long epochs,
            List<String> testNetworks,
            String baselineRepository,
            String baselineVersion,
            String failureReason,
            Instant createdAt,
            Instant completedAt) {
        public static TournamentView of(Tournament t) {
            return new TournamentView(
                    t.getId(),
                    t.getName(),
                    t.getNetuid(),
                    t.getStatus().id(),
                    t.getRegistrationStart(),
                    t.getRegistrationEnd(),
                    t.getStartBlock(),
                    t.getEndBlock(),
                    t.getEpochBlocks(),
                    t.epochs().count(),
                    t.getTestNetworks(),
                    t.getBaselineRepository(),
                    t.getBaselineVersion(),
                    t.getFailureReason(),
                    t.getCreatedAt(),
                    t.getCompletedAt());
        }
    }

    /** A tournament with where it stands now: block, epoch (0-based), and counts by status. */
    public record TournamentDetail(
            TournamentView tournament,
            long currentBlock,
            long currentEpoch,
            Map<String, Long> submissions,
            Map<String, Long> runs) {
    }

    public record SubmissionView(
            UUID id,
            UUID tournamentId,
            String hotkey,
            int uid,
            boolean isBaseline,
            String repositoryUrl,
            String commitHash,
            String status,
            String validationError,
            String validationWarnings,
            Instant submittedAt,
            Instant validatedAt) {
        public static SubmissionView of(Submission s) {
            return new SubmissionView(
                    s.getId(),
                    s.getTournamentId(),
                    s.getHotkey(),
                    s.getUid(),
                    s.isBaseline(),
                    s.getRepositoryUrl(),
                    s.getCommitHash(),
                    s.getStatus().id(),
                    s.getValidationError(),
                    s.getValidationWarnings(),
                    s.getSubmittedAt(),
                    s.getValidatedAt());
        }
    }

    /** A run without its log; {@code error_message} is the public failure reason. */
    /** Reads the stored per-type recall (JSONB text) for the views. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record RunView(
            UUID id,
            UUID submissionId,
            String hotkey,
            int epochNumber,
            String network,
            LocalDate testDate,
            String status,
            Double featureTimeSeconds,
            Double patternTimeSeconds,
            Double executionTimeSeconds,
            Integer exitCode,
            Boolean dataCorrectness,
            Double patternAccuracy,
            Double patternRecall,
            Double patternPrecision,
            JsonNode recallByType,
            Double noveltyScore,
            Double performanceScore,
            Double finalScore,
            Integer patternsReported,
            Integer patternsValid,
            Integer instancesExpected,
            Integer instancesFound,
            String failureKind,
            int attempts,
            String errorMessage,
            Instant startedAt,
            Instant completedAt) {
        public static RunView of(EvaluationRun r, String hotkey) {
            return new RunView(
                    r.getId(),
                    r.getSubmissionId(),
                    hotkey,
                    r.getEpochNumber(),
                    r.getNetwork(),
                    r.getTestDate(),
                    r.getStatus().id(),
                    r.getFeatureTimeSeconds(),
                    r.getPatternTimeSeconds(),
                    r.getExecutionTimeSeconds(),
                    r.getExitCode(),
                    r.getDataCorrectness(),
                    r.getPatternAccuracy(),
                    r.getPatternRecall(),
                    r.getPatternPrecision(),
                    r.getRecallByType() == null ? null : JSON.readTree(r.getRecallByType()),
                    r.getNoveltyScore(),
                    r.getPerformanceScore(),
                    r.getFinalScore(),
                    r.getPatternsReported(),
                    r.getPatternsValid(),
                    r.getInstancesExpected(),
                    r.getInstancesFound(),
                    r.getFailureKind() == null ? null : r.getFailureKind().id(),
                    r.getAttempts(),
                    r.getErrorMessage(),
                    r.getStartedAt(),
                    r.getCompletedAt());
        }
    }

    /** A miner's own run: the public run plus the tail of its containers' output. */
    public record OwnRun(UUID tournamentId, RunView run, String logExcerpt, boolean logTruncated) {
    }

    /** One row of a leaderboard; the baseline's row has no rank and no weight. */
    public record LeaderboardEntry(
            Integer rank,
            String hotkey,
            int uid,
            boolean isBaseline,
            double finalScore,
            double patternAccuracyScore,
            double dataCorrectnessScore,
            double performanceScore,
            boolean beatBaseline,
            boolean isWinner,
            double weight,
            int runsCounted,
            String commitHash,
            Instant calculatedAt) {
        public static LeaderboardEntry of(TournamentResult r, Submission s) {
            return new LeaderboardEntry(
                    r.getRank(),
                    r.getHotkey(),
                    r.getUid(),
                    s != null && s.isBaseline(),
                    r.getFinalScore(),
                    r.getPatternAccuracyScore(),
                    r.getDataCorrectnessScore(),
                    r.getPerformanceScore(),
                    r.isBeatBaseline(),
                    r.isWinner(),
                    r.getWeight(),
                    r.getRunsCounted(),
                    s == null ? null : s.getCommitHash(),
                    r.getCalculatedAt());
        }
    }

    public record Leaderboard(UUID tournamentId, String status, Double baselineFinalScore,
            List<LeaderboardEntry> items) {
    }

    /** A miner's result in one tournament (the row it has on that tournament's leaderboard). */
    public record MinerResult(UUID tournamentId, String tournamentName, String tournamentStatus,
            LeaderboardEntry result) {
        public static MinerResult of(TournamentResult r, Tournament t, Submission s) {
            return new MinerResult(t.getId(), t.getName(), t.getStatus().id(), LeaderboardEntry.of(r, s));
        }
    }

    /** Everything public about a hotkey: results and submissions (newest first), its latest runs. */
    public record MinerHistory(String hotkey, List<MinerResult> results, List<SubmissionView> submissions,
            List<RunView> runs) {
    }

    /** Global counts by status; {@code miners} is distinct hotkeys that ever submitted (baseline excluded). */
    public record Stats(Map<String, Long> tournaments, Map<String, Long> submissions, Map<String, Long> runs,
            long miners, List<TournamentView> open, Instant generatedAt) {
    }
}
