package io.subnet2.validator.jobs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.jobs.EvaluationProperties;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.SandboxResult;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.scoring.DatasetUnreadableException;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.FailureKind;
import io.subnet2.validator.tournament.RunOutcome;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * One evaluation run: the features phase, the patterns phase, then scoring. A miner's run waits for the
 * baseline's run on the same data (its phase times are the performance yardstick). Platform faults send
 * the run back to pending, at most {@code max-attempts} times, and are never charged to the miner.
 */
@Component
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);
    private static final Duration BASELINE_WAIT = Duration.ofSeconds(5);

    private final TournamentService tournaments;
    private final SandboxRunner sandbox;
    private final EpochDatasets datasets;
    private final RunScoring scoring;
    private final TournamentSettings settings;
    private final EvaluationProperties evaluation;
    private final Path runsDir;

    RunExecution(TournamentService tournaments, SandboxRunner sandbox, EpochDatasets datasets, RunScoring scoring,
            TournamentSettings settings, EvaluationProperties evaluation, PathsProperties paths) {
        this.tournaments = tournaments;
        this.sandbox = sandbox;
        this.datasets = datasets;
        this.scoring = scoring;
        this.settings = settings;
        this.evaluation = evaluation;
        this.runsDir = paths.workDir().resolve("runs");
    }

    /** @return when to fire again (waiting for the baseline, or a retry), or empty when the run is final */
    Optional<Instant> execute(UUID runId) {
        EvaluationRun run = tournaments.getRun(runId);
        if (run.getStatus().isTerminal()) {
            return Optional.empty();
        }
        Submission submission = tournaments.getSubmission(run.getSubmissionId());
        Tournament tournament = tournaments.getTournament(submission.getTournamentId());
        if (run.getStatus() == RunStatus.RUNNING) {
            // this job is being recovered: the validator that ran it died mid-run
            sandbox.reapOrphans(id -> !id.startsWith(runId.toString()));
            run = tournaments.retryRun(runId, "interrupted: the validator stopped during the run");
        }
        if (tournament.getStatus() == TournamentStatus.COMPLETED || tournament.getStatus() == TournamentStatus.FAILED) {
            tournaments.startRun(runId);
            tournaments.finishRun(runId, platformFailure("tournament ended before the run could execute"));
            return Optional.empty();
        }
        if (submission.getStatus() == SubmissionStatus.DEREGISTERED) {
            tournaments.startRun(runId);
            tournaments.finishRun(runId, platformFailure("the miner's hotkey was deregistered before the run executed"));
            return Optional.empty();
        }
        Optional<EvaluationRun> baseline = baselineRun(submission, run);
        if (baseline.isPresent() && !baseline.get().getStatus().isTerminal()) {
            return Optional.of(Instant.now().plus(BASELINE_WAIT));
        }
        if (run.getAttempts() >= evaluation.maxAttempts()) {
            tournaments.startRun(runId);
            tournaments.finishRun(runId, platformFailure("gave up after " + run.getAttempts() + " platform faults: "
                    + run.getErrorMessage()));
            return Optional.empty();
        }
        tournaments.startRun(runId);
        Path workDir = runsDir.resolve(runId.toString());
        try {
            RunOutcome outcome = evaluate(tournament, submission, run, baseline, workDir);
            tournaments.finishRun(runId, outcome);
            log.info("run {} of {} {}: {} score={}", runId, submission.getHotkey(), run.key(),
                    outcome.status().id(), outcome.finalScore());
            return Optional.empty();
        } catch (SandboxException | DatasetUnreadableException | UncheckedIOException | IllegalStateException e) {
            log.warn("run {} hit a platform fault, will retry: {}", runId, e.toString());
            tournaments.retryRun(runId, "platform fault: " + e.getMessage());
            return Optional.of(Instant.now().plus(evaluation.retryDelay()));
        } finally {
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    private RunOutcome evaluate(Tournament tournament, Submission submission, EvaluationRun run,
            Optional<EvaluationRun> baseline, Path workDir) {
        DatasetLayout data = datasets.ensure(tournament, run.key());
        SandboxLimits limits = settings.limits(tournament);
        Map<String, String> env = Map.of("ANALYZER_NETWORK", run.getNetwork(),
                "ANALYZER_PROCESSING_DATE", run.getTestDate().toString(),
                "ANALYZER_WINDOW_DAYS", Integer.toString(settings.windowDays(tournament)));
        Path featuresDir = workDir.resolve("features");
        Path patternsDir = workDir.resolve("patterns");
        recreate(workDir);
        String image = submission.getDockerImageTag();

        SandboxResult features = sandbox.run(RunSpec.of(run.getId() + "-features", image, Phase.FEATURES, env,
                data.input(), null, featuresDir, limits));
        if (!features.completed()) {
            return failed(features, features.wallSeconds(), null);
        }
        SandboxResult patterns = sandbox.run(RunSpec.of(run.getId() + "-patterns", image, Phase.PATTERNS, env,
                data.input(), featuresDir, patternsDir, limits));
        if (!patterns.completed()) {
            return failed(patterns, features.wallSeconds(), patterns.wallSeconds());
        }
        moveFeaturesBeside(featuresDir, patternsDir);
        PhaseTimes times = PhaseTimes.of(features.wallSeconds(), patterns.wallSeconds());
        PhaseTimes baselineTimes = baseline.filter(b -> b.getStatus() == RunStatus.COMPLETED)
                .map(b -> PhaseTimes.of(b.getFeatureTimeSeconds(), b.getPatternTimeSeconds()))
                .orElse(PhaseTimes.unknown());
        return scoring.score(tournament, data, patternsDir, times, baselineTimes,
                features.logExcerpt() + patterns.logExcerpt());
    }

    /** The baseline's run of the same data, for a miner's run; empty for the baseline itself. */
    private Optional<EvaluationRun> baselineRun(Submission submission, EvaluationRun run) {
        if (submission.isBaseline()) {
            return Optional.empty();
        }
        return tournaments.listSubmissions(submission.getTournamentId()).stream().filter(Submission::isBaseline)
                .findFirst()
                .flatMap(b -> tournaments.listRuns(b.getId()).stream().filter(r -> r.key().equals(run.key()))
                        .findFirst());
    }

    private static RunOutcome failed(SandboxResult result, Double featureSeconds, Double patternSeconds) {
        RunStatus status = result.status() == io.subnet2.validator.sandbox.RunStatus.TIMEOUT ? RunStatus.TIMEOUT
                : RunStatus.FAILED;
        String reason = result.reason() == null ? "failed" : result.reason().name().toLowerCase(Locale.ROOT);
        String error = result.phase().name().toLowerCase(Locale.ROOT) + " phase: " + reason
                + (result.detail() == null ? "" : " (" + result.detail() + ")");
        return RunOutcome.minerFault(status, result.exitCode(), featureSeconds, patternSeconds, result.logExcerpt(),
                error);
    }

    private static RunOutcome platformFailure(String error) {
        return new RunOutcome(RunStatus.FAILED, FailureKind.PLATFORM, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, error);
    }

    /** The scorer reads one folder: phase 1's features.parquet beside phase 2's pattern files. */
    private static void moveFeaturesBeside(Path featuresDir, Path patternsDir) {
        try {
            Path features = featuresDir.resolve("features.parquet");
            if (Files.isRegularFile(features, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(features, patternsDir.resolve("features.parquet"), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(patternsDir.resolve("features.parquet"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreate(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
