package io.subnet2.validator.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.jobs.EvaluationProperties;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.sandbox.ContainerReaper;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.testsupport.DatabaseTest;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.FailureKind;
import io.subnet2.validator.tournament.NewSubmission;
import io.subnet2.validator.tournament.NewTournament;
import io.subnet2.validator.tournament.RunKey;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.SubmissionVerdict;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Fault attribution of a run (issue 12): failures of the validator's own machinery injected mid-run
 * are platform faults, retried and capped visibly; what the container writes is the miner's; and the
 * job watchdog ends a run left running past its deadline.
 */
class RunFaultAttributionTest extends DatabaseTest {

    static final String IMAGE = "subnet2-test/fault-analyzer:" + ProcessHandle.current().pid();
    static DockerClient docker;

    @Autowired TournamentService tournaments;
    @Autowired EpochDatasets datasets;
    @Autowired RunScoring scoring;
    @Autowired TournamentSettings settings;
    @Autowired EvaluationProperties evaluation;
    @Autowired LiveExecutions live;
    @Autowired RunDeadlines deadlines;

    @TempDir
    Path work;
    UUID runId;

    @BeforeAll
    static void buildAnalyzer(@TempDir Path context) throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        // writes a (not parquet) features file after a moment, so a test can act while it runs
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DockerTestSupport.DEBIAN_BASE + "\n"
                + "CMD [\"sh\", \"-c\", \"sleep 3; echo not-parquet > /data/output/features.parquet\"]\n");
        docker.buildImageCmd(context.toFile()).withTags(java.util.Set.of(IMAGE)).withPull(false)
                .withLabels(Map.of("subnet2.test", "jobs")).exec(new BuildImageResultCallback())
                .awaitImageId(5, TimeUnit.MINUTES);
    }

    @AfterAll
    static void removeAnalyzer() throws Exception {
        docker.removeImageCmd(IMAGE).withForce(true).exec();
        docker.close();
    }

    @BeforeEach
    void baselineWithOneRun() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Tournament t = tournaments.createTournament(new NewTournament("faults", 77, start, start.plusSeconds(3600),
                1000, 1000 + 360 * 3, 360, List.of("torus"), "https://github.com/org/baseline", "a".repeat(40),
                "{}"));
        tournaments.updateStatus(t.getId(), TournamentStatus.REGISTRATION);
        tournaments.updateStatus(t.getId(), TournamentStatus.ACTIVE);
        Submission s = tournaments.upsertSubmission(t.getId(), new NewSubmission(NewSubmission.BASELINE_HOTKEY,
                NewSubmission.BASELINE_UID, "https://github.com/org/baseline", "a".repeat(40), true));
        tournaments.updateSubmissionStatus(s.getId(), SubmissionStatus.VALIDATING);
        tournaments.recordVerdict(s.getId(), new SubmissionVerdict(SubmissionStatus.VALIDATED, IMAGE, null, null,
                null, null));
        runId = tournaments.ensureRun(s.getId(), new RunKey(0, "torus", LocalDate.parse("2025-12-31"))).getId();
    }

    private RunExecution execution(SandboxRunner sandbox) {
        return new RunExecution(tournaments, sandbox, datasets, scoring, settings, evaluation,
                new PathsProperties(work, work), new io.subnet2.validator.submission.ExecutionSlots(2), live);
    }

    @Test
    void anUnreachableEngineIsAPlatformFaultRetriedThenGivenUpVisibly() throws Exception {
        try (SandboxRunner dead = SandboxRunner.create(SandboxProperties.defaults()
                .withDockerHost("unix://" + work.resolve("no-engine.sock")))) {
            RunExecution execution = execution(dead);
            for (int attempt = 1; attempt <= evaluation.maxAttempts(); attempt++) {
                assertThat(execution.execute(runId)).as("attempt %d asks to be fired again", attempt).isPresent();
                EvaluationRun run = tournaments.getRun(runId);
                assertThat(run.getStatus()).isEqualTo(RunStatus.PENDING);
                assertThat(run.getFailureKind()).isEqualTo(FailureKind.PLATFORM);
                assertThat(run.getAttempts()).isEqualTo(attempt);
                assertThat(run.getErrorMessage()).startsWith("platform fault: ").contains("SocketException");
            }
            assertThat(execution.execute(runId)).isEmpty();
        }
        EvaluationRun run = tournaments.getRun(runId);
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getFailureKind()).isEqualTo(FailureKind.PLATFORM);
        assertThat(run.getAttempts()).isEqualTo(evaluation.maxAttempts() + 1);
        assertThat(run.getErrorMessage()).startsWith("gave up after " + evaluation.maxAttempts() + " platform faults");
    }

    @Test
    void aWorkDirMadeUnwritableMidRunIsAPlatformFaultAndTheRetryIsTheMinersResult() throws Exception {
        try (SandboxRunner sandbox = SandboxRunner.create(SandboxProperties.defaults())) {
            RunExecution execution = execution(sandbox);
            Path features = work.resolve("runs").resolve(runId.toString()).resolve("features");
            CompletableFuture<Void> sabotage = CompletableFuture.runAsync(() -> {
                // while the features phase runs, its output folder on the validator's disk becomes a file
                try {
                    while (docker.listContainersCmd().withLabelFilter(Map.of(ContainerReaper.RUN_ID_LABEL,
                            runId + "-features", ContainerReaper.PHASE_LABEL, "features")).exec().isEmpty()) {
                        Thread.sleep(50);
                    }
                    Files.delete(features);
                    Files.writeString(features, "not a folder");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(execution.execute(runId)).isPresent();
            sabotage.get(60, TimeUnit.SECONDS);
            EvaluationRun first = tournaments.getRun(runId);
            assertThat(first.getStatus()).isEqualTo(RunStatus.PENDING);
            assertThat(first.getFailureKind()).isEqualTo(FailureKind.PLATFORM);
            assertThat(first.getErrorMessage()).contains("cannot copy the output");

            assertThat(execution.execute(runId)).isEmpty(); // the retry, undisturbed
        }
        EvaluationRun second = tournaments.getRun(runId);
        assertThat(second.getAttempts()).isEqualTo(2);
        assertThat(second.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(second.getFailureKind()).isEqualTo(FailureKind.MINER); // its features file is no parquet
        assertThat(second.getErrorMessage()).contains("parquet");
        assertThat(second.getFinalScore()).isZero();
    }

    @Test
    void theJobWatchdogEndsARunLeftRunningPastItsDeadline() {
        tournaments.startRun(runId); // then its job died without a word (an Error, a lost thread)
        jdbc.update("UPDATE evaluation_runs SET started_at = now() - interval '3 hours' WHERE id = ?", runId);

        assertThat(deadlines.endOverdue()).containsExactly(runId);

        EvaluationRun run = tournaments.getRun(runId);
        assertThat(run.getStatus()).isEqualTo(RunStatus.PENDING);
        assertThat(run.getFailureKind()).isEqualTo(FailureKind.PLATFORM);
        assertThat(run.getErrorMessage()).contains("still running").contains("run-deadline-margin");
        assertThat(deadlines.endOverdue()).isEmpty(); // pending runs are not overdue

        for (int i = 1; i < evaluation.maxAttempts(); i++) {
            tournaments.startRun(runId);
            jdbc.update("UPDATE evaluation_runs SET started_at = now() - interval '3 hours' WHERE id = ?", runId);
            deadlines.endOverdue();
        }
        run = tournaments.getRun(runId);
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getAttempts()).isEqualTo(evaluation.maxAttempts());
        assertThat(run.getErrorMessage()).startsWith("gave up after");
    }
}
