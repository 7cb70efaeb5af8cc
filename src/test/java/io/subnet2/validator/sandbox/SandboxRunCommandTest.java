package io.subnet2.validator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.testsupport.DockerTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sandbox-run} command: one JSON object on stdout, exit 0 whatever the container did. */
class SandboxRunCommandTest {

    static final String IMAGE = "subnet2-test/sandbox-cli:" + UUID.randomUUID().toString().substring(0, 8);
    static DockerClient docker;

    @TempDir
    Path work;

    @BeforeAll
    static void setUp(@TempDir Path context) throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        // the image's own command, as for a miner's analyzer: copy input to output, fail when asked to
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DockerTestSupport.DEBIAN_BASE + "\n"
                + "CMD [\"sh\", \"-c\", \"cp /data/input/* /data/output/ && echo phase=$ANALYZER_PHASE"
                + " net=$ANALYZER_NETWORK && exit ${EXIT_WITH:-0}\"]\n");
        SandboxTestSupport.buildImage(docker, context, IMAGE);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (docker != null) {
            SandboxTestSupport.removeImage(docker, IMAGE);
            docker.close();
        }
    }

    @Test
    void printsTheResultAsOneJsonObject() throws Exception {
        Path input = SandboxTestSupport.inputDir(work, Map.of("transfers.parquet", "PAR1"));
        Path features = Files.createDirectories(work.resolve("features"));
        Run run = run("--image", IMAGE, "--phase", "patterns", "--input", input.toString(),
                "--features", features.toString(), "--output", work.resolve("out").toString(),
                "--timeout-seconds", "20", "--memory", "268435456", "--env", "ANALYZER_NETWORK=bitcoin");

        assertThat(run.code).as(run.err).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out);
        assertThat(json.get("status").asString()).isEqualTo("completed");
        assertThat(json.get("phase").asString()).isEqualTo("patterns");
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("wallSeconds").asDouble()).isPositive();
        assertThat(json.get("logExcerpt").asString()).isEqualTo("phase=patterns net=bitcoin\n");
        assertThat(json.get("outputFiles").get(0).get("name").asString()).isEqualTo("transfers.parquet");
        assertThat(run.out.strip().lines()).hasSize(1);
    }

    @Test
    void containerFailureStillExitsZero() throws Exception {
        Path input = SandboxTestSupport.inputDir(work, Map.of("a", "b"));
        Run run = run("--image", IMAGE, "--phase", "features", "--input", input.toString(),
                "--output", work.resolve("out").toString(), "--env", "EXIT_WITH=3");

        assertThat(run.code).as(run.err).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out);
        assertThat(json.get("status").asString()).isEqualTo("failed");
        assertThat(json.get("reason").asString()).isEqualTo("nonzero_exit");
        assertThat(json.get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void badUsageAndMissingImageAreNotSandboxResults() throws Exception {
        Path input = SandboxTestSupport.inputDir(work, Map.of("a", "b"));
        assertThat(run("--image", IMAGE, "--phase", "both", "--input", input.toString(), "--output", "x").code)
                .isEqualTo(2);
        assertThat(run("--phase", "features").code).isEqualTo(2);

        Run missing = run("--image", "subnet2-test/does-not-exist:" + UUID.randomUUID(), "--phase", "features",
                "--input", input.toString(), "--output", work.resolve("out").toString());
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("not found");
        assertThat(missing.out).isEmpty();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SandboxRunCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
