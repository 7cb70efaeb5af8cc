package io.subnet2.validator.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentResult;

/** JSON shapes of the REST API (snake_case), decoupled from the entities. */
final class ApiViews {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private ApiViews() {
    }

    /** A JSONB column as a JSON value of the response (null stays null). */
    private static tools.jackson.databind.JsonNode json(String column) {
        return column == null ? null : JSON.readTree(column);
    }

    record TournamentView(UUID id, String name, int netuid, String status, Instant registrationStart,
            Instant registrationEnd, long startBlock, long endBlock, int epochBlocks, List<String> testNetworks,
            String baselineRepository, String baselineVersion, String failureReason, Instant createdAt,
            Instant completedAt) {
        static TournamentView of(Tournament t) {
            return new TournamentView(t.getId(), t.getName(), t.getNetuid(), t.getStatus().id(),
                    t.getRegistrationStart(), t.getRegistrationEnd(), t.getStartBlock(), t.getEndBlock(),
                    t.getEpochBlocks(), t.getTestNetworks(), t.getBaselineRepository(), t.getBaselineVersion(),
                    t.getFailureReason(), t.getCreatedAt(), t.getCompletedAt());
        }
    }

    record SubmissionView(UUID id, String hotkey, int uid, String repositoryUrl, String commitHash,
            boolean isBaseline, String status, String dockerImageTag, String imageDigest, String validationError,
            Instant submittedAt, Instant validatedAt) {
        static SubmissionView of(Submission s) {
            return new SubmissionView(s.getId(), s.getHotkey(), s.getUid(), s.getRepositoryUrl(), s.getCommitHash(),
                    s.isBaseline(), s.getStatus().id(), s.getDockerImageTag(), s.getImageDigest(),
                    s.getValidationError(), s.getSubmittedAt(), s.getValidatedAt());
        }
    }

    record RunView(UUID id, UUID submissionId, int epochNumber, String network, LocalDate testDate, String status,
            Double featureTimeSeconds, Double patternTimeSeconds, Double executionTimeSeconds, Integer exitCode,
            Boolean dataCorrectness, Double patternAccuracy, Double patternRecall, Double patternPrecision,
            tools.jackson.databind.JsonNode recallByType, Double noveltyScore,
            Double performanceScore, Double finalScore, Integer patternsReported, Integer patternsValid,
            Integer instancesExpected, Integer instancesFound, String failureKind, int attempts,
            String errorMessage, Instant startedAt, Instant completedAt) {
        static RunView of(EvaluationRun r) {
            return new RunView(r.getId(), r.getSubmissionId(), r.getEpochNumber(), r.getNetwork(), r.getTestDate(),
                    r.getStatus().id(), r.getFeatureTimeSeconds(), r.getPatternTimeSeconds(),
                    r.getExecutionTimeSeconds(), r.getExitCode(), r.getDataCorrectness(), r.getPatternAccuracy(),
                    r.getPatternRecall(), r.getPatternPrecision(), json(r.getRecallByType()), r.getNoveltyScore(), r.getPerformanceScore(), r.getFinalScore(),
                    r.getPatternsReported(), r.getPatternsValid(), r.getInstancesExpected(), r.getInstancesFound(),
                    r.getFailureKind() == null ? null : r.getFailureKind().id(), r.getAttempts(),
                    r.getErrorMessage(), r.getStartedAt(), r.getCompletedAt());
        }
    }

    record ResultView(String hotkey, int uid, Integer rank, double finalScore, double patternAccuracyScore,
            double dataCorrectnessScore, double performanceScore, boolean beatBaseline, boolean isWinner,
            int runsCounted, double weight, Instant calculatedAt) {
        static ResultView of(TournamentResult r) {
            return new ResultView(r.getHotkey(), r.getUid(), r.getRank(), r.getFinalScore(),
                    r.getPatternAccuracyScore(), r.getDataCorrectnessScore(), r.getPerformanceScore(),
                    r.isBeatBaseline(), r.isWinner(), r.getRunsCounted(), r.getWeight(), r.getCalculatedAt());
        }
    }

    /** Body of POST /api/v1/admin/tournaments; omitted blocks and times are derived from the block clock. */
    record CreateTournamentRequest(String name, Integer netuid, Instant registrationStart, Instant registrationEnd,
            Long startBlock, Long endBlock, Integer epochBlocks, Integer epochs, List<String> testNetworks,
            String baselineRepository, String baselineVersion) {
    }

    /** Body of POST /api/v1/admin/tournaments/{id}/submissions. */
    record AddSubmissionRequest(String hotkey, Integer uid, String repositoryUrl, String commitHash) {
    }
}
