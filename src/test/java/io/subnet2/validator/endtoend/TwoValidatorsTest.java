package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.subnet2.validator.ValidatorApplication;
import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two validator instances on one database, both firing the evaluation job at once: Quartz's clustered
 * store hands every submission and every run to exactly one of them (issue 7).
 */
class TwoValidatorsTest {

    private static final String TOKEN = "two-validators-admin-token-01";
    private static final GitHttpTestServer GIT = startGitServer();

    @TempDir
    Path dir;

    private static GitHttpTestServer startGitServer() {
        try {
            return new GitHttpTestServer(Files.createTempDirectory("two-validators-git"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopGitServer() throws Exception {
        GIT.close();
    }

    private ConfigurableApplicationContext start(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--validator.paths.work-dir=" + dir.resolve(name),
                "--validator.api.admin-token=" + TOKEN, "--validator.dataset.transfers=5000",
                "--validator.evaluation.retry-delay=2s", "--validator.submission.allow-loopback-http=true",
                "--validator.submission.loopback-http-hosts[0]=" + GIT.hostPort(),
                "--validator.schedule.epoch-start=0 0 0 1 1 ? 2099", "--validator.schedule.evaluation=0 0 0 1 1 ? 2099",
                "--validator.schedule.epoch-end=0 0 0 1 1 ? 2099"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(ValidatorApplication.class).run(args.toArray(String[]::new));
    }

    private static AdminClient api(ConfigurableApplicationContext context) {
        return new AdminClient(((WebServerApplicationContext) context).getWebServer().getPort(), TOKEN);
    }

    @Test
    void everySubmissionAndRunIsExecutedExactlyOnce() throws Exception {
        DockerTestSupport.requireDocker();
        BaselineAnalyzer.requireJar();
        try (ConfigurableApplicationContext first = start("first", "--spring.datasource.url=")) {
            String url = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext second = start("second", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres")) {
                AdminClient a = api(first);
                AdminClient b = api(second);
                TournamentService tournaments = first.getBean(TournamentService.class);
                String baseline = AnalyzerRepos.honest(GIT, "baseline/analyzer.git");
                UUID id = UUID.fromString(a.call("POST", "/api/v1/admin/tournaments", """
                        {"name":"two","netuid":88,"epochs":1,"epoch_blocks":1000,"test_networks":["torus","bittensor"],
                         "registration_start":"%s","baseline_repository":"%s","baseline_version":"%s"}"""
                        .formatted(Instant.now().minusSeconds(60), GIT.url("baseline/analyzer.git"), baseline))
                        .get("id").asString());
                for (int uid = 1; uid <= 3; uid++) {
                    String repo = "miner" + uid + "/analyzer.git";
                    String commit = AnalyzerRepos.honest(GIT, repo);
                    b.call("POST", "/api/v1/admin/tournaments/" + id + "/submissions", """
                            {"hotkey":"hk%d","uid":%d,"repository_url":"%s","commit_hash":"%s"}"""
                            .formatted(uid, uid, GIT.url(repo), commit));
                }
                bothFire(a, b, "epoch-start");
                bothFire(a, b, "evaluation");
                AdminClient.await("submissions validated", Duration.ofMinutes(5), () -> tournaments
                        .listSubmissions(id).stream().allMatch(s -> s.getStatus().isFinal()));
                assertThat(tournaments.listSubmissions(id)).hasSize(4)
                        .allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(SubmissionStatus.VALIDATED));

                bothFire(a, b, "evaluation");
                AdminClient.await("runs finished", Duration.ofMinutes(6), () -> tournaments.listRunsOfTournament(id)
                        .stream().allMatch(r -> r.getStatus().isTerminal()));
                List<EvaluationRun> runs = tournaments.listRunsOfTournament(id);
                assertThat(runs).hasSize(8).allSatisfy(run -> {
                    assertThat(run.getStatus()).as(run.getErrorMessage()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(run.getAttempts()).as("executions of run " + run.getId()).isEqualTo(1);
                });
            }
        }
    }

    /** Fires a job on both instances at the same moment. */
    private static void bothFire(AdminClient a, AdminClient b, String job) {
        CompletableFuture<?> one = CompletableFuture.runAsync(() -> fire(a, job));
        CompletableFuture<?> two = CompletableFuture.runAsync(() -> fire(b, job));
        CompletableFuture.allOf(one, two).join();
    }

    private static void fire(AdminClient api, String job) {
        try {
            api.fire(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
