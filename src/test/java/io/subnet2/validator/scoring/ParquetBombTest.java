package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;

/**
 * Parquet bombs beyond the file-level caps (issue 12): each ends its run as a miner fault with a
 * named reason, the heap stays bounded, and the next honest run on the same dataset scores as before.
 */
class ParquetBombTest {

    @TempDir
    static Path dir;
    static SmallDataset small;
    static DatasetLayout layout;
    static ScoringDataset dataset;
    static Path outputs;

    @BeforeAll
    static void setUp() throws IOException {
        small = new SmallDataset();
        layout = small.write(dir.resolve("dataset"));
        dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        outputs = Files.createDirectories(dir.resolve("outputs"));
        Path deepPatterns = honest("deep-patterns");
        ParquetBombs.deepSchema(deepPatterns.resolve("patterns.parquet"), 50_000);
        Path deepFeatures = honest("deep-features");
        ParquetBombs.deepSchema(deepFeatures.resolve("features.parquet"), 50_000);
        Path nested = honest("nested-5000");
        ParquetBombs.deepSchema(nested.resolve("patterns.parquet"), 5_000);
        Path zeroPages = honest("zero-value-pages");
        // 31 pages of 64 MiB (the page limit): 1.94 GiB declared, within the 2 GiB per-file budget
        ParquetBombs.zeroValuePages(zeroPages.resolve("features.parquet"), 31, 64 << 20,
                small.transfers.get(0).from());
        honest("honest");
    }

    private static Path honest(String name) throws IOException {
        Path out = Files.createDirectories(outputs.resolve(name));
        small.writeHonestOutput(out);
        return out;
    }

    private static RunScore score(String name) {
        return RunScorer.score(dataset, outputs.resolve(name), PhaseTimes.of(1.0, 1.0), PhaseTimes.of(1.0, 1.0));
    }

    @Test
    void theBombsAreSmallOnDisk() throws IOException {
        assertThat(Files.size(outputs.resolve("deep-patterns/patterns.parquet"))).isBetween(300_000L, 500_000L);
        assertThat(Files.size(outputs.resolve("zero-value-pages/features.parquet"))).isLessThan(5L << 20);
    }

    @Test
    void aSchemaNested50000DeepIsAMinerFaultNotAStackOverflow() {
        for (String name : List.of("deep-patterns", "deep-features")) {
            RunScore score = score(name);
            assertThat(score.minerFault()).as(name + ": " + score.error()).isTrue();
            assertThat(score.error()).as(name).contains("schema of 50002 fields, above the limit of 10000");
            assertThat(score.finalScore()).isZero();
        }
        RunScore nested = score("nested-5000"); // few enough fields: the depth itself is refused
        assertThat(nested.minerFault()).isTrue();
        assertThat(nested.error()).isEqualTo("patterns.parquet has a schema nested deeper than the limit of 32 groups");
        assertThat(score("honest").minerFault()).isFalse();
    }

    @Test
    void zeroValuePagesAreRefusedBeforeTheyPileUp() {
        RunScore score = score("zero-value-pages");

        assertThat(score.minerFault()).as(score.error()).isTrue();
        assertThat(score.error()).contains("features.parquet").contains("holds 0 values")
                .contains("67108864 bytes");
        RunScore honest = score("honest");
        assertThat(honest.minerFault()).isFalse();
        assertThat(honest.dataCorrect()).isTrue();
    }

    @Test
    void theDecompressionBudgetIsPerRunNotPerFile() throws IOException {
        Path out = outputs.resolve("honest");
        long features = declared(out.resolve("features.parquet"));
        long patterns = declared(out.resolve("patterns.parquet"));
        // each file alone fits the budget; both together do not
        long budget = Math.max(features, patterns) + 1;
        ScoringProperties tight = new ScoringProperties(null, null, null, new ScoringProperties.Limits(
                null, null, null, null, null, null, null, null, null, null, budget), null, null, null);
        ScoringDataset ds = ScoringDataset.load(layout.input(), layout.groundTruth(), tight);

        RunScore score = RunScorer.score(ds, out, PhaseTimes.unknown(), PhaseTimes.unknown());

        assertThat(features + patterns).isGreaterThan(budget);
        assertThat(score.minerFault()).as(score.error()).isTrue();
        assertThat(score.error()).contains("decompressed data exceeds the limit");
        assertThat(score("honest").minerFault()).isFalse(); // the next run has its own budget
    }

    private static long declared(Path file) throws IOException {
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                new io.subnet2.validator.dataset.ChannelInputFile(file))) {
            return reader.getFooter().getBlocks().stream().flatMap(b -> b.getColumns().stream())
                    .mapToLong(c -> c.getTotalUncompressedSize()).sum();
        }
    }

    @Test
    void heapStaysBoundedAfterEachBombInAChildJvm() throws Exception {
        List<String> names = List.of("deep-patterns", "deep-features", "nested-5000", "zero-value-pages", "honest");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), ParquetBombs.class.getName(),
                layout.root().toString(), outputs.toString()));
        command.addAll(names);
        Path log = dir.resolve("child.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();
        for (String line : output.lines().filter(l -> l.contains("|")).toList()) {
            String[] f = line.split("\\|", 5);
            assertThat(Boolean.parseBoolean(f[1])).as(line).isEqualTo(!f[0].equals("honest"));
            assertThat(Long.parseLong(f[2])).as("peak heap of " + line).isLessThan(256L << 20);
        }
        assertThat(output).contains("honest|false|").doesNotContain("OutOfMemoryError").doesNotContain("StackOverflow");
    }
}
