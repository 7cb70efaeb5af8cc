package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;

/** scoring.md §8: every cheating output scores at least 0.10 below the honest output. */
class RedTeamTest {

    @TempDir
    Path dir;

    @Test
    void everyCheatScoresAtLeastATenthBelowTheHonestOutput() throws Exception {
        SmallDataset small = new SmallDataset();
        DatasetLayout layout = small.write(dir.resolve("dataset"));
        Path honest = dir.resolve("honest");
        small.writeHonestOutput(honest);
        ScoringDataset dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        RunScore honestScore = RunScorer.score(dataset, honest, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(honestScore.finalScore()).isGreaterThan(0.8);

        Map<String, Path> cheats = RedTeamOutputs.create(honest, layout, dir.resolve("cheats"), 42);
        assertThat(cheats.keySet()).containsExactlyElementsOf(RedTeamOutputs.NAMES);
        for (Map.Entry<String, Path> cheat : cheats.entrySet()) {
            RunScore score = RunScorer.score(dataset, cheat.getValue(), PhaseTimes.unknown(), PhaseTimes.unknown());
            System.out.printf("red team %-40s final %.4f recall %.3f precision %.4f %s%n", cheat.getKey(),
                    score.finalScore(), score.recall(), score.precision(), score.counts().invalidByReason());
            assertThat(score.finalScore()).as(cheat.getKey()).isLessThanOrEqualTo(honestScore.finalScore() - 0.10);
        }
    }
}
