package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * Build-time SSRF, ONBUILD, VOLUME and pull attacks against the real engine. A recording HTTP server
 * on loopback stands for the validator's actuator, a metadata service or the LAN: the control builds
 * (straight to the engine, no pipeline) show that the engine really fetches from it; every attack
 * through the pipeline must leave it with zero requests, be refused with a named reason before the
 * engine is asked to build, and leave no image behind; a legitimate submission still builds after.
 */
class BuildAttacksTest {

    @TempDir
    static Path temp;
    static GitHttpTestServer git;
    static HttpServer ssrf;
    static final List<String> hits = new CopyOnWriteArrayList<>();
    static final Map<String, Boolean> createdImages = new ConcurrentHashMap<>();
    static DockerClient docker;
    static SubmissionPipeline pipeline;
    static final UUID TOURNAMENT = UUID.randomUUID();
    static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);
    static final String ONBUILD_BASE = "subnet2-base/test-onbuild-" + UNIQUE + ":1";
    static final String VOLUME_BASE = "subnet2-base/test-volume-" + UNIQUE + ":1";
    static String ssrfUrl;

    @BeforeAll
    static void start() throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        git = new GitHttpTestServer(temp);
        ssrf = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        ssrf.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().getPath());
            byte[] body = "secret-from-the-host-network\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ssrf.start();
        ssrfUrl = "http://127.0.0.1:" + ssrf.getAddress().getPort();
        pipeline = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(List.of(git.hostPort())),
                temp.resolve("repos"), docker);
        buildDirect(ONBUILD_BASE, "FROM " + DockerTestSupport.DEBIAN_BASE + "\nONBUILD ADD " + ssrfUrl
                + "/onbuild-trigger /leak\n");
        buildDirect(VOLUME_BASE, "FROM " + DockerTestSupport.DEBIAN_BASE + "\nVOLUME /scratch\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            for (String image : createdImages.keySet()) {
                try {
                    docker.removeImageCmd(image).withForce(true).exec();
                } catch (NotFoundException e) {
                    // never built
                }
            }
            for (Image image : docker.listImagesCmd()
                    .withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT, TOURNAMENT.toString())).exec()) {
                docker.removeImageCmd(image.getId()).withForce(true).exec();
            }
            docker.close();
        }
        if (ssrf != null) {
            ssrf.stop(0);
        }
        if (git != null) {
            git.close();
        }
    }

    /** Builds straight on the engine with docker-java (no pipeline, no checks), network none as the pipeline does. */
    static String buildDirect(String tag, String dockerfile) throws IOException {
        Path dir = Files.createTempDirectory(temp, "direct");
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        createdImages.put(tag, true);
        return docker.buildImageCmd(dir.toFile()).withTags(Set.of(tag)).withPull(false).withNetworkMode("none")
                .withForcerm(true).exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
    }

    static SubmissionOutcome submit(String name, String dockerfile) throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(git.repositories(), "attack/" + name + ".git")) {
            sha = repo.file("Dockerfile", dockerfile).file("analyzer.py", "print('x')\n").commit(name);
        }
        return pipeline.process(new SubmissionRequest(UUID.randomUUID(), TOURNAMENT, 3, "5Attacker", 41,
                git.url("attack/" + name + ".git"), sha));
    }

    static long hitsOn(String path) {
        return hits.stream().filter(path::equals).count();
    }

    static void assertRefusedBeforeTheEngine(SubmissionOutcome outcome, String reasonPrefix) {
        assertThat(outcome.status()).as(outcome.validationError()).isIn(Status.DISQUALIFIED, Status.FAILED);
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.validationError()).startsWith(reasonPrefix);
        assertThat(outcome.buildLog()).as("the engine was never asked to build").isEmpty();
        assertThat(outcome.dockerImageTag()).isNull();
        assertThat(docker.listImagesCmd().withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT,
                TOURNAMENT.toString())).exec()).isEmpty();
    }

    @Test
    void controlTheEngineFetchesAddUrlsOnTheHostNetworkEvenWithNetworkNone() throws IOException {
        buildDirect("subnet2-test-ssrf-control-" + UNIQUE + ":1", "FROM " + DockerTestSupport.DEBIAN_BASE
                + "\nARG S=http\nADD ${S}://127.0.0.1:" + ssrf.getAddress().getPort() + "/control /leak\n");
        assertThat(hitsOn("/control")).as("the daemon fetched the URL itself").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "arg-scheme | ARG S=http\\nFROM subnet2-base/debian:bookworm\\nADD ${S}://HOST/arg-scheme /leak | [dockerfile.add]",
        "env-url | FROM subnet2-base/debian:bookworm\\nENV U=http://HOST/env-url\\nADD $U /leak | [dockerfile.add]",
        "quoted-scheme | FROM subnet2-base/debian:bookworm\\nADD \"http\"://HOST/quoted-scheme /leak | [dockerfile.add]",
        "json-escape | FROM subnet2-base/debian:bookworm\\nADD [^h\\u0074tp://HOST/json-escape^, ^/leak^] | [dockerfile.add]",
        "continuation | FROM subnet2-base/debian:bookworm\\nAD\\\\nD http://HOST/continuation /leak | [dockerfile.add]",
        "heredoc | FROM subnet2-base/debian:bookworm\\nRUN <<EOF\\nADD http://HOST/heredoc /leak\\nEOF | [dockerfile.add]",
        "onbuild | FROM subnet2-base/debian:bookworm AS a\\nONBUILD ADD http://HOST/onbuild /leak\\nFROM a | [dockerfile.onbuild]",
    })
    void hiddenAddUrlsNeverReachTheEngine(String name, String dockerfile, String reason) throws IOException {
        String text = dockerfile.replace("\\n", "\n").replace('^', '"').replace("HOST",
                "127.0.0.1:" + ssrf.getAddress().getPort()) + "\nUSER 65534\n";
        assertRefusedBeforeTheEngine(submit(name, text), reason);
        assertThat(hitsOn("/" + name)).as("requests the SSRF server saw for " + name).isZero();
    }

    /** COPY, the replacement for ADD, never fetches: the engine refuses a URL source before any request. */
    @Test
    void copyFromAUrlIsRefusedByTheEngineWithoutARequest() throws IOException {
        SubmissionOutcome outcome = submit("copy-url", "FROM subnet2-base/debian:bookworm\nCOPY " + ssrfUrl
                + "/copy-url /leak\nUSER 65534\n");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.validationError()).startsWith("[build.failed]").contains("source can't be a URL for COPY");
        assertThat(hitsOn("/copy-url")).isZero();
    }

    @Test
    void baseImageWithOnbuildTriggersIsRefusedAndItsTriggerNeverFires() throws IOException {
        SubmissionOutcome outcome = submit("onbuild-base", "FROM " + ONBUILD_BASE + "\nUSER 65534\n");
        assertRefusedBeforeTheEngine(outcome, "[image.onbuild] an image the build names carries ONBUILD triggers: "
                + ONBUILD_BASE + ": ADD " + ssrfUrl + "/onbuild-trigger /leak");
        assertThat(hitsOn("/onbuild-trigger")).isZero();
        // control: the same Dockerfile built straight on the engine fires the trigger
        buildDirect("subnet2-test-onbuild-control-" + UNIQUE + ":1", "FROM " + ONBUILD_BASE + "\n");
        assertThat(hitsOn("/onbuild-trigger")).isEqualTo(1);
    }

    @Test
    void volumesInTheDockerfileOrTheBaseImageAreRefused() throws IOException {
        assertRefusedBeforeTheEngine(submit("volume-base", "FROM " + VOLUME_BASE + "\nUSER 65534\n"),
                "[image.volume] an image the build names, or the built image, declares a VOLUME: " + VOLUME_BASE
                        + ": /scratch");
        assertRefusedBeforeTheEngine(submit("volume-line", "FROM subnet2-base/debian:bookworm\nVOLUME /scratch\n"
                + "USER 65534\n"), "[dockerfile.volume]");
        assertRefusedBeforeTheEngine(submit("volume-stage", "FROM " + VOLUME_BASE + " AS v\n"
                + "FROM subnet2-base/debian:bookworm\nCOPY --from=v /etc/hostname /x\nUSER 65534\n"), "[image.volume]");
    }

    @Test
    void imagesThatAreNotLocalAreNeverPulled() throws IOException {
        String ghost = "subnet2-base/ghost-" + UNIQUE + ":1";
        assertRefusedBeforeTheEngine(submit("missing-from", "FROM " + ghost + "\nUSER 65534\n"),
                "[image.not-local] an image the build names is not on the validator's engine (images are never pulled): "
                        + ghost);
        assertRefusedBeforeTheEngine(submit("missing-copy-from", "FROM subnet2-base/debian:bookworm\n"
                + "COPY --from=debian:ghost-" + UNIQUE + " /etc/hostname /x\nUSER 65534\n"), "[image.not-local]");
        assertRefusedBeforeTheEngine(submit("missing-arg", "ARG B=" + ghost + "\nFROM $B\nUSER 65534\n"),
                "[image.not-local]");
        assertThat(imageExists(ghost)).isFalse();
    }

    @Test
    void aLegitimateSubmissionStillBuildsAfterTheAttacks() throws IOException {
        SubmissionOutcome outcome = submit("legit", "FROM subnet2-base/debian:bookworm\nCOPY analyzer.py /app/\n"
                + "USER 65534\n");
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        assertThat(imageExists(outcome.imageDigest())).isTrue();
        docker.removeImageCmd(outcome.imageDigest()).withForce(true).exec();
    }

    /** RUN steps see the configured build arguments and the builder's own variables, nothing of the validator. */
    @Test
    void runStepsSeeOnlyTheConfiguredBuildArguments() throws IOException {
        SubmissionPipeline withArgs = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(
                List.of(git.hostPort())).toBuilder().buildArgs(Map.of("BASE_IMAGE", DockerTestSupport.DEBIAN_BASE))
                .build(), temp.resolve("repos"), docker);
        String sha;
        try (TestRepo repo = TestRepo.create(git.repositories(), "attack/env.git")) {
            sha = repo.file("Dockerfile", "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nARG BASE_IMAGE\n"
                    + "RUN echo ENV-START; env | cut -d= -f1 | sort; echo ENV-END\nUSER 65534\n").commit("env");
        }
        SubmissionOutcome outcome = withArgs.process(new SubmissionRequest(UUID.randomUUID(), TOURNAMENT, 3,
                "5Attacker", 42, git.url("attack/env.git"), sha));
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        String log = outcome.buildLog();
        List<String> names = log.substring(log.indexOf("ENV-START\n") + 10, log.lastIndexOf("ENV-END")).lines().toList();
        assertThat(names).isSubsetOf("BASE_IMAGE", "HOME", "HOSTNAME", "PATH", "PWD", "SHLVL", "OLDPWD", "_");
        docker.removeImageCmd(outcome.imageDigest()).withForce(true).exec();
    }

    static boolean imageExists(String ref) {
        try {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException | DockerClientException e) {
            return false;
        }
    }
}
