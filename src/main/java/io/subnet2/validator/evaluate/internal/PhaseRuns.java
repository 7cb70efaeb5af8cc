package io.subnet2.validator.evaluate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import io.subnet2.validator.dataset.GenerationRequest;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.SandboxResult;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.scoring.RunScore;
import io.subnet2.validator.scoring.RunScorer;
import io.subnet2.validator.scoring.ScoringDataset;
import io.subnet2.validator.submission.SubmissionOutcome;

/** Both sandbox phases of one built analyzer on the evaluation's dataset, then its score. */
final class PhaseRuns {

    private static final Map<String, String> ENV = Map.of(
            "ANALYZER_NETWORK", GenerationRequest.DEFAULT_NETWORK,
            "ANALYZER_PROCESSING_DATE", GenerationRequest.DEFAULT_DATE.toString(),
            "ANALYZER_WINDOW_DAYS", Integer.toString(GenerationRequest.DEFAULT_WINDOW_DAYS));

    private final SandboxRunner sandbox;
    private final SandboxLimits limits;
    private final Path input;
    private final Path work;

    PhaseRuns(SandboxRunner sandbox, SandboxLimits limits, Path input, Path work) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.input = input;
        this.work = work;
    }

    Report.Side evaluate(String label, SubmissionOutcome build, ScoringDataset dataset, PhaseTimes baselineTimes) {
        // the image id, not the tag: what was checked is what runs
        String image = build.imageDigest() != null ? build.imageDigest() : build.dockerImageTag();
        Path featuresDir = work.resolve(label).resolve("features");
        Path patternsDir = work.resolve(label).resolve("patterns");
        String runId = "evaluate-" + label + "-" + Long.toHexString(System.nanoTime());
        SandboxResult features = sandbox.run(RunSpec.of(runId + "-features", image, Phase.FEATURES, ENV, input, null,
                featuresDir, limits));
        if (!features.completed()) {
            return Report.Side.failed(label, build, features, null);
        }
        SandboxResult patterns = sandbox.run(RunSpec.of(runId + "-patterns", image, Phase.PATTERNS, ENV, input,
                featuresDir, patternsDir, limits));
        if (!patterns.completed()) {
            return Report.Side.failed(label, build, features, patterns);
        }
        moveFeaturesBeside(featuresDir, patternsDir);
        PhaseTimes times = PhaseTimes.of(features.wallSeconds(), patterns.wallSeconds());
        RunScore score = RunScorer.score(dataset, patternsDir, times, baselineTimes);
        return Report.Side.scored(label, build, features, patterns, score);
    }

    /** The scorer reads one folder: phase 1's features.parquet beside phase 2's pattern files. */
    private static void moveFeaturesBeside(Path featuresDir, Path patternsDir) {
        try {
            Path features = featuresDir.resolve("features.parquet");
            if (Files.isRegularFile(features, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(features, patternsDir.resolve("features.parquet"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
