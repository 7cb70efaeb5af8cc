package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;

/** Malformed or hostile outputs end the run as a miner fault with a clear error and a bounded heap. */
class HostileOutputTest {

    @TempDir
    static Path dir;
    static SmallDataset small;
    static DatasetLayout layout;
    static ScoringDataset dataset;
    static Map<String, String> cases;

    @BeforeAll
    static void setUp() throws IOException {
        small = new SmallDataset();
        layout = small.write(dir.resolve("dataset"));
        dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        cases = HostileOutputs.create(dir.resolve("outputs"), small);
    }

    @Test
    void everyHostileOutputIsAMinerFaultWithAClearError() {
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RunScore score = RunScorer.score(dataset, dir.resolve("outputs").resolve(c.getKey()),
                    PhaseTimes.of(1.0, 1.0), PhaseTimes.of(1.0, 1.0));
            System.out.println("hostile " + c.getKey() + ": " + score.error());
            assertThat(score.minerFault()).as(c.getKey() + ": " + score.error()).isTrue();
            assertThat(score.error()).as(c.getKey()).containsPattern(c.getValue());
            assertThat(score.finalScore()).isZero();
            assertThat(score.performance()).isZero();
            assertThat(score.executionTimeSeconds()).isEqualTo(2.0);
        }
    }

    @Test
    void heapStaysBoundedInAChildJvmWith256MiB() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), HostileOutputs.class.getName(),
                layout.root().toString(), dir.resolve("outputs").toString()));
        command.addAll(cases.keySet());
        Path log = dir.resolve("child.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        for (String name : cases.keySet()) {
            assertThat(output).as(output).contains(name + "|true|");
        }
        System.out.println(output);
        assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("more memory than");
    }

    @Test
    void limitsAreConfigurable() throws IOException {
        ScoringProperties.Limits defaults = ScoringProperties.Limits.defaults();
        ScoringProperties tight = new ScoringProperties(null, null, null, new ScoringProperties.Limits(
                1_000L, null, null, 5L, null, null, null, null, null, null, null), null, null, null);
        ScoringDataset ds = ScoringDataset.load(layout.input(), layout.groundTruth(), tight);
        Path out = dir.resolve("honest-tight");
        small.writeHonestOutput(out);
        RunScore score = RunScorer.score(ds, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.minerFault()).isTrue();
        assertThat(score.error()).contains("features.parquet is").contains("above the limit of 1000");
        ScoringProperties fewPatterns = new ScoringProperties(null, null, null, new ScoringProperties.Limits(
                null, null, null, 5L, null, null, null, null, null, null, null), null, null, null);
        ds = ScoringDataset.load(layout.input(), layout.groundTruth(), fewPatterns);
        score = RunScorer.score(ds, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.error()).contains("above the limit of 5 patterns");
        ScoringProperties smallBudget = new ScoringProperties(null, null, null, new ScoringProperties.Limits(
                null, null, null, null, null, null, null, null, null, null, 100L), null, null, null);
        ds = ScoringDataset.load(layout.input(), layout.groundTruth(), smallBudget);
        score = RunScorer.score(ds, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.error()).contains("uncompressed bytes, above the limit of 100");
        assertThat(defaults.maxRowGroups()).isEqualTo(10_000);
    }
}
