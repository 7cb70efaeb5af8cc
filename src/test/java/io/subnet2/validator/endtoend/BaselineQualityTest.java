package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.dataset.DatasetGenerator;
import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.DatasetProperties;
import io.subnet2.validator.dataset.GenerationRequest;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.sandbox.SandboxResult;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.scoring.RedTeamOutputs;
import io.subnet2.validator.scoring.RunScore;
import io.subnet2.validator.scoring.RunScorer;
import io.subnet2.validator.scoring.ScoringDataset;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * The baseline analyzer end to end at the default dataset size: generated data, its image in the
 * hardened sandbox, the project's scorer. It must meet the quality bar (issue 6), and every red-team
 * output derived from its output must end at AP <= 0.10 and below it (scoring.md §8, integrity.md).
 */
class BaselineQualityTest {

    private static final String IMAGE = "subnet2-test/baseline:quality";

    @TempDir
    static Path dir;
    static DockerClient docker;
    static DatasetLayout dataset;
    static Path honest;
    static SandboxResult features;
    static SandboxResult patterns;

    @BeforeAll
    static void runTheBaseline() throws Exception {
        docker = DockerTestSupport.requireDocker();
        BaselineAnalyzer.buildImage(docker, IMAGE);
        dataset = new DatasetGenerator().generate(GenerationRequest.of(dir.resolve("dataset"), 20261125L,
                DatasetProperties.DEFAULT_TRANSFERS)).layout();
        try (SandboxRunner sandbox = SandboxRunner.create(SandboxProperties.defaults())) {
            Path featuresDir = dir.resolve("features");
            honest = dir.resolve("patterns");
            features = sandbox.run(RunSpec.of("quality-features", IMAGE, Phase.FEATURES, Map.of(), dataset.input(),
                    null, featuresDir, SandboxProperties.defaults().limits()));
            patterns = sandbox.run(RunSpec.of("quality-patterns", IMAGE, Phase.PATTERNS, Map.of(), dataset.input(),
                    featuresDir, honest, SandboxProperties.defaults().limits()));
            Files.move(featuresDir.resolve("features.parquet"), honest.resolve("features.parquet"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void removeImage() {
        if (docker != null) {
            try {
                docker.removeImageCmd(IMAGE).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                // the build failed; nothing to remove
            }
        }
    }

    @Test
    void baselineMeetsTheQualityBarInTheSandbox() {
        assertThat(features.completed()).as(features.detail() + "\n" + features.logExcerpt()).isTrue();
        assertThat(patterns.completed()).as(patterns.detail() + "\n" + patterns.logExcerpt()).isTrue();
        ScoringDataset scoring = ScoringDataset.load(dataset.input(), dataset.groundTruth(), ScoringProperties.defaults());
        RunScore score = RunScorer.score(scoring, honest, PhaseTimes.of(features.wallSeconds(), patterns.wallSeconds()),
                PhaseTimes.unknown());
        System.out.printf("baseline at %d transfers: features %.2f s, patterns %.2f s, AP %.4f, recall %.4f,"
                + " precision %.4f, final %.4f, %s%n", DatasetProperties.DEFAULT_TRANSFERS, features.wallSeconds(),
                patterns.wallSeconds(), score.patternAccuracy(), score.recall(), score.precision(), score.finalScore(),
                score.counts());
        assertThat(score.dataCorrect()).as(score.error()).isTrue();
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.80);
        // v1's bar on valid patterns; scoring v2's precision is hits / reported (issue 11 item 6 sets the v2 bar)
        assertThat((double) score.counts().patternsValid() / score.counts().patternsReported())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyRedTeamOutputScoresATenthBelowTheBaseline() throws Exception {
        ScoringDataset scoring = ScoringDataset.load(dataset.input(), dataset.groundTruth(), ScoringProperties.defaults());
        double honestScore = RunScorer.score(scoring, honest, PhaseTimes.unknown(), PhaseTimes.unknown()).finalScore();
        Map<String, Path> cheats = RedTeamOutputs.create(honest, dataset, dir.resolve("cheats"), 7);
        assertThat(cheats).hasSize(RedTeamOutputs.NAMES.size());
        for (Map.Entry<String, Path> cheat : cheats.entrySet()) {
            RunScore score = RunScorer.score(scoring, cheat.getValue(), PhaseTimes.unknown(), PhaseTimes.unknown());
            System.out.printf("red team %-40s AP %.4f final %.4f (baseline %.4f)%n", cheat.getKey(),
                    score.patternAccuracy(), score.finalScore(), honestScore);
            // scoring v2 (integrity.md): a cheat ends at AP <= 0.10; "a quarter below the baseline" waits for
            // the re-tuned baseline (GeneratedRedTeamTest.everyCheatScoresAQuarterBelowTheBaseline)
            if (score.dataCorrect()) {
                assertThat(score.patternAccuracy()).as(cheat.getKey()).isLessThanOrEqualTo(0.10);
            }
            assertThat(score.finalScore()).as(cheat.getKey()).isLessThan(honestScore);
        }
    }
}
