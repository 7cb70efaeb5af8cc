package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The score command prints one JSON object and is deterministic. */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ScoreCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEveryComponentAndIsDeterministic() throws Exception {
        SmallDataset small = new SmallDataset();
        DatasetLayout layout = small.write(dir.resolve("dataset"));
        Path out = dir.resolve("out");
        small.writeHonestOutput(out);
        String[] args = {"--input", layout.input().toString(), "--ground-truth", layout.groundTruth().toString(),
            "--output", out.toString(), "--features-seconds", "4", "--patterns-seconds", "8",
            "--baseline-features-seconds", "4", "--baseline-patterns-seconds", "4"};
        String first = run(args);
        String second = run(args);
        assertThat(second).isEqualTo(first);
        // with a stored index: built and stored by the first call, read by the second; same JSON
        String[] stored = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--index-dir", dir.resolve("index").toString())).toArray(String[]::new);
        assertThat(run(stored)).isEqualTo(first);
        assertThat(dir.resolve("index")).isDirectoryContaining("glob:**.idx");
        assertThat(run(stored)).isEqualTo(first);
        JsonNode json = JsonMapper.builder().build().readTree(first);
        assertThat(json.get("dataCorrect").asBoolean()).isTrue();
        assertThat(json.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(json.get("patternAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(json.get("recallByType").get("cycle").get("counted").asInt()).isEqualTo(1);
        assertThat(json.get("recallByType").get("temporal_burst").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("counts").get("invalidByReason").has("too_many_addresses")).isTrue();
        assertThat(json.get("counts").get("invalidByReason").has("bad_confidence")).isTrue();
        assertThat(json.get("performancePatterns").asDouble()).isEqualTo(1.0 / 3);
        assertThat(json.get("executionTimeSeconds").asDouble()).isEqualTo(12.0);
        assertThat(json.get("counts").get("patternsReported").asInt()).isEqualTo(8);
        assertThat(json.get("counts").get("invalidByReason").get("duplicate").asInt()).isZero();
        assertThat(json.get("counts").get("instancesFound").asInt()).isEqualTo(8);
        assertThat(json.get("finalScore").asDouble()).isGreaterThan(0.8);
        assertThat(json.get("minerFault").asBoolean()).isFalse();
    }

    @Test
    void badUsageAndUnreadableDatasetExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new ScoreCommand().run(new String[] {"--input"}, System.out, errStream)).isEqualTo(2);
        Files.createDirectories(dir.resolve("empty"));
        assertThat(new ScoreCommand().run(new String[] {"--input", dir.resolve("empty").toString(),
            "--ground-truth", dir.resolve("gt.parquet").toString(), "--output", dir.toString()},
                System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: score").contains("transfers.parquet is missing");
    }
}
