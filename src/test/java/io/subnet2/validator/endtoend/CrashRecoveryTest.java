package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.sandbox.ContainerReaper;
import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of a validator (a separate JVM) while a run is inside its sandbox: a second validator on the
 * same database recovers the run through Quartz, removes the orphaned container and finishes the run
 * (issue 7, spec/lifecycle.md "Crash safety").
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-recovery-admin-token-1";

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static GitHttpTestServer git;
    private final List<Process> validators = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
                .start();
        git = new GitHttpTestServer(dir.resolve("git"));
    }

    @AfterAll
    static void stop() throws Exception {
        git.close();
        postgres.close();
    }

    @Test
    void aRunInterruptedByKillMinus9IsRecoveredAndFinishes() throws Exception {
        DockerClient docker = DockerTestSupport.requireDocker();
        BaselineAnalyzer.requireJar();
        String commit = AnalyzerRepos.slow(git, "baseline/slow.git", 12);
        int firstPort = freePort();
        Process first = validator(firstPort, "first");
        AdminClient a = new AdminClient(firstPort, TOKEN);
        String id = a.call("POST", "/api/v1/admin/tournaments", """
                {"name":"crash","netuid":99,"epochs":1,"epoch_blocks":1000,"test_networks":["torus"],
                 "registration_start":"%s","baseline_repository":"%s","baseline_version":"%s"}"""
                .formatted(Instant.now().minusSeconds(60), git.url("baseline/slow.git"), commit)).get("id").asString();
        a.fire("epoch-start");
        a.fire("evaluation");
        AdminClient.await("baseline validated", Duration.ofMinutes(3),
                () -> field(a, "/api/v1/admin/tournaments/" + id + "/submissions", "status").equals("validated"));
        a.fire("evaluation");
        AdminClient.await("run created", Duration.ofMinutes(1),
                () -> !field(a, "/api/v1/admin/tournaments/" + id + "/runs", "id").isEmpty());
        String runId = field(a, "/api/v1/admin/tournaments/" + id + "/runs", "id");
        AdminClient.await("run in its sandbox", Duration.ofMinutes(2), () -> !containersOf(docker, runId).isEmpty());

        first.destroyForcibly().waitFor();
        assertThat(containersOf(docker, runId)).as("the killed validator left its container").isNotEmpty();

        int secondPort = freePort();
        validator(secondPort, "second");
        AdminClient b = new AdminClient(secondPort, TOKEN);
        AdminClient.await("run recovered and finished", Duration.ofMinutes(4),
                () -> !field(b, "/api/v1/admin/tournaments/" + id + "/runs", "status").matches("pending|running"));
        JsonNode run = b.call("GET", "/api/v1/admin/tournaments/" + id + "/runs", "").get(0);
        assertThat(run.get("id").asString()).isEqualTo(runId);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(containersOf(docker, runId)).as("containers left behind").isEmpty();
    }

    @org.junit.jupiter.api.AfterEach
    void stopValidators() throws InterruptedException {
        for (Process p : validators) {
            p.destroy();
            p.waitFor();
        }
    }

    /** A validator in its own JVM on the shared database; returns once it is healthy. */
    private Process validator(int port, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.subnet2.validator.ValidatorApplication", "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--validator.paths.work-dir=" + dir.resolve(name),
                "--validator.api.admin-token=" + TOKEN, "--validator.dataset.transfers=5000",
                "--validator.evaluation.retry-delay=2s", "--validator.submission.allow-loopback-http=true",
                "--validator.submission.loopback-http-hosts[0]=" + git.hostPort(),
                "--validator.schedule.epoch-start=0 0 0 1 1 ? 2099", "--validator.schedule.evaluation=0 0 0 1 1 ? 2099",
                "--validator.schedule.epoch-end=0 0 0 1 1 ? 2099");
        File log = dir.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        validators.add(process);
        HttpClient http = HttpClient.newHttpClient();
        AdminClient.await(name + " validator healthy (log " + log + ")", Duration.ofMinutes(2), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        return process;
    }

    private static String field(AdminClient api, String path, String name) {
        try {
            JsonNode list = api.call("GET", path, "");
            return list.isEmpty() ? "" : list.get(0).get(name).asString();
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> containersOf(DockerClient docker, String runId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerReaper.MANAGED_LABEL, "true")).exec().stream()
                .filter(c -> c.getLabels().getOrDefault(ContainerReaper.RUN_ID_LABEL, "").startsWith(runId))
                .map(c -> c.getId()).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
