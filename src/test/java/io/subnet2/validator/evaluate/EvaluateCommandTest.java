package io.subnet2.validator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.testsupport.DockerTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The miners' {@code evaluate} command on the real engine: the Python example analyzer is checked,
 * built, run through both sandbox phases on a generated dataset beside the baseline, and scored.
 */
class EvaluateCommandTest {

    private static final String PYTHON_DATA_BASE = "subnet2-base/python-data:3";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        JsonNode json() {
            String[] lines = out.strip().split("\n");
            return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        }
    }

    private static Run evaluate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new EvaluateCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badUsageIsExitTwoWithOneClearLine() throws Exception {
        assertThat(evaluate().err()).contains("--repo is required");
        assertThat(evaluate("--repo", "https://github.com/a/b").err()).contains("--commit is required");
        assertThat(evaluate("--repo", "x", "--transfers", "ten").err()).contains("--transfers must be a whole number");
        Path existing = Files.createDirectories(tmp.resolve("exists"));
        Run run = evaluate("--repo", "examples/python-analyzer", "--work", existing.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("must not exist yet");
        assertThat(evaluate("--repo", tmp.toString(), "--baseline", "none").err()).contains("has no Dockerfile");
    }

    @Test
    void pythonAnalyzerIsBuiltRunAndScoredAgainstTheBaseline() {
        DockerClient docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, PYTHON_DATA_BASE);
        DockerTestSupport.requireImage(docker, DockerTestSupport.JRE_BASE);
        assertThat(Path.of("examples/baseline-analyzer/target/baseline-analyzer.jar"))
                .as("README's test command builds the baseline first").exists();

        Run run = evaluate("--repo", "examples/python-analyzer", "--transfers", "5000",
                "--baseline-build-arg", "BASE_IMAGE=" + DockerTestSupport.JRE_BASE);

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = run.json();
        JsonNode candidate = json.get("candidate").get("score");
        assertThat(candidate.get("dataCorrect").asBoolean()).as(run.out()).isTrue();
        assertThat(candidate.get("counts").get("patternsReported").asInt()).isPositive();
        assertThat(candidate.get("recall").asDouble()).isPositive();
        JsonNode baseline = json.get("baseline").get("score");
        assertThat(baseline.get("dataCorrect").asBoolean()).isTrue();
        // the baseline's times are the yardstick: the candidate's performance is not scored at parity
        assertThat(candidate.get("performance").asDouble()).isNotEqualTo(0.5);
        assertThat(run.out()).contains("against the baseline").contains("features completed");
        assertThat(run.err()).contains("[1] checking and building").contains("generating a dataset of 5000");
    }

    @Test
    void rejectedAnalyzerIsReportedWithItsReasonAndExitOne() throws Exception {
        DockerTestSupport.requireDocker();
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("Dockerfile"), "FROM registry.example.com/evil:1\nUSER 65534\n");

        Run run = evaluate("--repo", repo.toString(), "--baseline", "none", "--transfers", "1000");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("REJECTED").contains("registry.example.com/evil:1");
        assertThat(run.json().get("rejected").get("status").asText()).isEqualTo("disqualified");
    }
}
