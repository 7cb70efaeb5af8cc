package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.testsupport.DockerTestSupport;

/** Legitimate and broken builds with real Git over loopback HTTP and the real Docker engine. */
class SubmissionPipelineBuildTest {

    static final String DOCKERFILE = "FROM subnet2-base/python:3\nWORKDIR /app\nCOPY analyzer.py features.py /app/\n"
            + "USER 65534\nENTRYPOINT [\"python3\", \"/app/analyzer.py\"]\n";
    /** Not executed (the test base has no pandas); shows the scanner accepts an ordinary analyzer. */
    static final String FEATURES = """
            import os
            import pandas as pd
            import pyarrow.parquet as pq

            def load(input_dir):
                frames = [pq.read_table(os.path.join(input_dir, name)).to_pandas()
                          for name in sorted(os.listdir(input_dir)) if name.endswith('.parquet')]
                with open(os.path.join(input_dir, 'meta.json')) as f:
                    meta = f.read()
                return pd.concat(frames), meta
            """;

    @TempDir
    static Path temp;
    static GitHttpTestServer server;
    static DockerClient docker;
    static SubmissionProperties properties;
    static SubmissionPipeline pipeline;
    static final UUID TOURNAMENT = UUID.randomUUID();
    static final String RUN_LABEL = "subnet2.test.submission";

    @BeforeAll
    static void start() throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.PYTHON_BASE);
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        server = new GitHttpTestServer(temp);
        properties = SubmissionProperties.withLoopbackHosts(List.of(server.hostPort()));
        pipeline = new SubmissionPipeline(properties, temp.resolve("repos"), docker);
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            for (Image image : docker.listImagesCmd()
                    .withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT, TOURNAMENT.toString())).exec()) {
                docker.removeImageCmd(image.getId()).withForce(true).exec();
            }
            docker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static SubmissionRequest request(int uid, String url, String commit) {
        return new SubmissionRequest(UUID.randomUUID(), TOURNAMENT, 2, "5Hotkey" + uid, uid, url, commit);
    }

    static String analyzer(String marker) {
        return "import os\nimport sys\n\nprint('" + marker + "', os.getuid(), sorted(os.listdir('/app')))\n"
                + "with open('/app/features.py') as f:\n    print('features lines', len(f.read().splitlines()))\n";
    }

    /** Two commits on main; returns the first, which is what gets submitted. */
    static String twoCommits(String name, String extraFile) throws IOException {
        try (TestRepo repo = TestRepo.create(server.repositories(), name)) {
            repo.file("Dockerfile", DOCKERFILE).file("analyzer.py", analyzer("built-commit-A")).file("features.py", FEATURES);
            if (extraFile != null) {
                repo.file("net.py", extraFile);
            }
            String first = repo.commit("analyzer A");
            repo.file("analyzer.py", analyzer("wrong-commit-B")).commit("analyzer B (later)");
            return first;
        }
    }

    @Test
    void legitimateAnalyzerIsBuiltAtTheSubmittedCommitAndRuns() throws Exception {
        String commitA = twoCommits("miner/legit.git", null);
        SubmissionRequest request = request(11, server.url("miner/legit.git"), commitA.toUpperCase());
        SubmissionOutcome outcome = pipeline.process(request);
        System.out.println("legitimate repository: fetch " + outcome.timings().fetch().toMillis() + " ms, check "
                + outcome.timings().check().toMillis() + " ms, build " + outcome.timings().build().toMillis()
                + " ms, total " + outcome.timings().total().toMillis() + " ms");

        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        assertThat(outcome.validationError()).isNull();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.dockerImageTag()).isEqualTo("subnet2-submission:2-" + TOURNAMENT.toString().substring(0, 8)
                + "-11-" + commitA.substring(0, 12));
        assertThat(outcome.buildLog()).contains("Successfully tagged " + outcome.dockerImageTag());
        InspectImageResponse image = docker.inspectImageCmd(outcome.dockerImageTag()).exec();
        assertThat(image.getId()).isEqualTo(outcome.imageDigest()).startsWith("sha256:");
        assertThat(image.getConfig().getLabels()).containsEntry("subnet2.managed", "true")
                .containsEntry("subnet2.tournament", TOURNAMENT.toString())
                .containsEntry("subnet2.hotkey", "5Hotkey11")
                .containsEntry("subnet2.commit", commitA);
        assertThat(temp.resolve("repos").resolve(request.submissionId().toString())).doesNotExist();

        String output = run(outcome.dockerImageTag());
        assertThat(output).contains("built-commit-A 65534 ['analyzer.py', 'features.py']").contains("features lines " + FEATURES.lines().count())
                .doesNotContain("wrong-commit-B");
    }

    @Test
    void serverWithoutShaWantsFallsBackToBranchesAndStillBuildsTheSubmittedCommit() throws Exception {
        String commitA = twoCommits("tiponly/analyzer.git", "import socket\n");
        SubmissionOutcome outcome = pipeline.process(request(12, server.url("tiponly/analyzer.git"), commitA));
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        assertThat(outcome.warnings()).containsExactly(
                "py-network at net.py:1: network client (the sandbox has no network)");
        assertThat(run(outcome.dockerImageTag())).contains("built-commit-A").doesNotContain("wrong-commit-B");
    }

    @Test
    void processingTwiceRebuildsTheSameTag() throws Exception {
        String commitA = twoCommits("miner/twice.git", null);
        SubmissionRequest request = request(13, server.url("miner/twice.git"), commitA);
        SubmissionOutcome first = pipeline.process(request);
        SubmissionOutcome second = pipeline.process(request);
        assertThat(second.status()).isEqualTo(Status.VALIDATED);
        assertThat(second.dockerImageTag()).isEqualTo(first.dockerImageTag());
        assertThat(second.imageDigest()).isEqualTo(first.imageDigest());
        assertThat(docker.listImagesCmd().withLabelFilter(Map.of("subnet2.commit", commitA)).exec()).hasSize(1);
    }

    static String singleCommit(String name, String dockerfile) throws IOException {
        try (TestRepo repo = TestRepo.create(server.repositories(), name)) {
            return repo.file("Dockerfile", dockerfile).file("analyzer.py", analyzer("x")).commit("one");
        }
    }

    @Test
    void failingBuildFailsWithTheTailOfTheLog() throws Exception {
        String sha = singleCommit("miner/broken.git", "FROM subnet2-base/debian:bookworm\n"
                + "RUN echo marker-before-failure && exit 3\nUSER 65534\n");
        SubmissionOutcome outcome = pipeline.process(request(14, server.url("miner/broken.git"), sha));
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.validationError()).startsWith("[build.failed] docker build failed: ")
                .contains("returned a non-zero code: 3").contains("marker-before-failure");
        assertThat(outcome.buildLog()).contains("marker-before-failure");
        assertThat(outcome.dockerImageTag()).isNull();
        assertThat(imageExists(SubmissionPipeline.imageTag(request(14, "", sha), sha))).isFalse();
    }

    @Test
    void buildRunsWithoutNetworkAndAnOversizedImageIsDisqualifiedAndRemoved() throws Exception {
        String sha = singleCommit("miner/oversized.git", "FROM subnet2-base/debian:bookworm\n"
                + "RUN test ! -e /sys/class/net/eth0 && echo build-has-no-network\nUSER 65534\n");
        SubmissionPipeline tiny = new SubmissionPipeline(
                properties.toBuilder().maxImageBytes(DataSize.ofMegabytes(1)).build(), temp.resolve("repos"), docker);
        SubmissionOutcome outcome = tiny.process(request(15, server.url("miner/oversized.git"), sha));
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.DISQUALIFIED);
        assertThat(outcome.validationError()).startsWith("[build.image-too-large] built image is larger than the size limit: ")
                .endsWith("(limit 1048576)");
        assertThat(outcome.buildLog()).contains("build-has-no-network");
        assertThat(imageExists(SubmissionPipeline.imageTag(request(15, "", sha), sha))).isFalse();
    }

    @Test
    void buildOverTheTimeLimitFailsAndTheEngineCancelsIt() throws Exception {
        String sha = singleCommit("miner/sleepy.git", "FROM subnet2-base/debian:bookworm\nRUN sleep 31.77\nUSER 65534\n");
        SubmissionPipeline impatient = new SubmissionPipeline(
                properties.toBuilder().buildTimeout(Duration.ofSeconds(3)).build(), temp.resolve("repos"), docker);
        long start = System.nanoTime();
        SubmissionOutcome outcome = impatient.process(request(16, server.url("miner/sleepy.git"), sha));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.validationError()).startsWith("[build.timeout] docker build did not finish in time: limit 3 s");
        // closing the build stream makes the engine cancel the build and kill its RUN container
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Container> sleeping;
        do {
            Thread.sleep(500);
            sleeping = docker.listContainersCmd().exec().stream()
                    .filter(c -> c.getCommand() != null && c.getCommand().contains("sleep 31.77")).toList();
        } while (!sleeping.isEmpty() && System.nanoTime() < deadline);
        assertThat(sleeping).isEmpty();
        assertThat(imageExists(SubmissionPipeline.imageTag(request(16, "", sha), sha))).isFalse();
    }

    static boolean imageExists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Runs the image without network through docker-java and returns stdout+stderr. */
    static String run(String image) throws Exception {
        String id = docker.createContainerCmd(image)
                .withLabels(Map.of(RUN_LABEL, "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    synchronized (out) {
                        out.append(new String(frame.getPayload()));
                    }
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
            assertThat(exit).as(out.toString()).isZero();
            return out.toString();
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
