package io.subnet2.validator.evaluate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.util.FileSystemUtils;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.dataset.DatasetGenerator;
import io.subnet2.validator.dataset.DatasetSecret;
import io.subnet2.validator.dataset.GeneratedDataset;
import io.subnet2.validator.dataset.GenerationRequest;
import io.subnet2.validator.sandbox.DockerClients;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.scoring.ScoringDataset;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.submission.SubmissionOutcome;
import io.subnet2.validator.submission.SubmissionPipeline;
import io.subnet2.validator.submission.SubmissionProperties;
import io.subnet2.validator.submission.SubmissionRequest;

/**
 * One evaluation on this machine with the validator's own parts and default limits: the submission
 * pipeline (policy, checks, build), the dataset generator, the sandbox and the scorer. The baseline runs
 * first on the same dataset; its phase times are the performance yardstick, as in a tournament.
 */
public final class LocalEvaluation implements AutoCloseable {

    /** This machine cannot evaluate (no Docker engine, unusable work folder): not the analyzer's fault. */
    public static final class CannotEvaluate extends RuntimeException {
        CannotEvaluate(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String CANDIDATE_HOTKEY = "evaluate-candidate";

    private final EvaluationOptions options;
    private final Analyzer candidate;
    private final Analyzer baseline;
    private final Consumer<String> progress;
    private final DockerClient docker;
    private final SandboxRunner sandbox;
    private final Path work;
    private final UUID evaluationId = UUID.randomUUID();
    private int step;

    private LocalEvaluation(EvaluationOptions options, Consumer<String> progress, DockerClient docker, Path work) {
        this.options = options;
        this.candidate = Analyzer.candidate(options, CANDIDATE_HOTKEY);
        this.baseline = options.baselineDir() == null ? null : Analyzer.baseline(options.baselineDir());
        this.progress = progress;
        this.docker = docker;
        this.work = work;
        this.sandbox = new SandboxRunner(docker, SandboxProperties.defaults());
    }

    /** @throws IllegalArgumentException when a folder is not an analyzer (checked before anything runs) */
    public static LocalEvaluation connect(EvaluationOptions options, Consumer<String> progress) {
        Analyzer.candidate(options, CANDIDATE_HOTKEY);
        if (options.baselineDir() != null) {
            Analyzer.baseline(options.baselineDir());
        }
        DockerClient docker = DockerClients.fromEnvironment();
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            String host = System.getenv("DOCKER_HOST");
            throw new CannotEvaluate("no Docker engine answers at " + (host == null ? DockerClients.DEFAULT_HOST : host)
                    + ": " + e.getMessage(), e);
        }
        try {
            Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                    : Files.createTempDirectory("subnet2-evaluate-");
            return new LocalEvaluation(options, progress, docker, work.toAbsolutePath());
        } catch (IOException e) {
            throw new CannotEvaluate("cannot create the work folder: " + e.getMessage(), e);
        }
    }

    public Report run() {
        Report.Side candidateSide = null;
        Report.Side baselineSide = null;
        SubmissionOutcome candidateBuild = build(candidate, options.buildArgs());
        SubmissionOutcome baselineBuild = baseline == null ? null : build(baseline, options.baselineBuildArgs());
        if (candidateBuild.status() != SubmissionOutcome.Status.VALIDATED) {
            return Report.rejected(options, candidateBuild);
        }
        GeneratedDataset dataset = generate();
        ScoringProperties scoring = ScoringProperties.defaults();
        ScoringDataset scoringData = ScoringDataset.load(dataset.layout().input(), dataset.layout().groundTruth(), scoring);
        PhaseRuns phases = new PhaseRuns(sandbox, SandboxProperties.defaults().limits(), dataset.layout().input(), work);
        PhaseTimes baselineTimes = PhaseTimes.unknown();
        if (baselineBuild != null && baselineBuild.status() == SubmissionOutcome.Status.VALIDATED) {
            announce("running the baseline's features and patterns phases");
            baselineSide = phases.evaluate("baseline", baselineBuild, scoringData, PhaseTimes.unknown());
            baselineTimes = baselineSide.times();
        } else if (baselineBuild != null) {
            progress.accept("  the baseline did not build; performance is scored at parity: "
                    + firstLine(baselineBuild.validationError()));
        }
        announce("running the analyzer's features and patterns phases");
        candidateSide = phases.evaluate("candidate", candidateBuild, scoringData, baselineTimes);
        announce("done");
        return Report.evaluated(options, candidateSide, baselineSide);
    }

    private SubmissionOutcome build(Analyzer analyzer, Map<String, String> buildArgs) {
        announce("checking and building " + analyzer.describe());
        SubmissionProperties properties = SubmissionProperties.defaults().toBuilder().buildArgs(buildArgs).build();
        SubmissionPipeline pipeline = new SubmissionPipeline(properties, work.resolve("repos"), docker);
        SubmissionRequest request = new SubmissionRequest(UUID.randomUUID(), evaluationId, 0, analyzer.hotkey(),
                analyzer.uid(), analyzer.url(), analyzer.commit());
        SubmissionOutcome outcome = analyzer.folder() == null ? pipeline.process(request)
                : pipeline.processLocalDirectory(request, analyzer.folder(), analyzer.version());
        progress.accept("  " + outcome.status().dbValue() + " in " + outcome.timings().total().toMillis() + " ms"
                + (outcome.validationError() == null ? "" : ": " + firstLine(outcome.validationError())));
        return outcome;
    }

    private GeneratedDataset generate() {
        announce("generating a dataset of " + options.transfers() + " transfers (seed " + options.seed() + ")");
        long start = System.nanoTime();
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GenerationRequest(work.resolve("dataset"), options.seed(), options.transfers(),
                        GenerationRequest.DEFAULT_NETWORK, GenerationRequest.DEFAULT_DATE,
                        GenerationRequest.DEFAULT_WINDOW_DAYS, DatasetSecret.random(new SecureRandom())));
        progress.accept(String.format("  generated in %.1f s", (System.nanoTime() - start) / 1e9));
        return dataset;
    }

    private void announce(String what) {
        progress.accept("[" + (++step) + "] " + what);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    @Override
    public void close() {
        if (options.keep()) {
            progress.accept("kept " + work + " and the images (--keep)");
            return;
        }
        ImageCleanup.removeImagesOf(docker, evaluationId);
        try {
            FileSystemUtils.deleteRecursively(work);
            sandbox.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            progress.accept("could not close the sandbox: " + e.getMessage());
        }
    }
}
