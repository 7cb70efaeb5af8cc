package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.jobs.TournamentJobs;
import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.submission.TestRepo;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentResult;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole tournament on real parts (issue 7): miners' repositories on a loopback Git server, the admin
 * REST API, the three jobs fired by hand, Quartz item jobs, Docker builds, the sandbox, generated data,
 * the scorer, results and the weights file. Miners: an honest copy of the baseline, a cheater (honest
 * features, junk patterns), a crasher (exit 1) and a sleeper (times out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "validator.paths.work-dir=target/test-work/e2e",
        "spring.datasource.url=",
        "validator.api.admin-token=" + TournamentEndToEndTest.TOKEN,
        "validator.dataset.transfers=5000",
        "validator.sandbox.features-timeout=20s",
        "validator.sandbox.patterns-timeout=20s",
        "validator.evaluation.retry-delay=2s",
        "validator.schedule.epoch-start=0 0 0 1 1 ? 2099",
        "validator.schedule.evaluation=0 0 0 1 1 ? 2099",
        "validator.schedule.epoch-end=0 0 0 1 1 ? 2099",
        "validator.submission.allow-loopback-http=true",
        // an honest copy of the baseline does not beat it by the margin: its weight goes to uid 0
        "validator.scoring.weights.burn-uid=0"})
class TournamentEndToEndTest {

    static final String TOKEN = "end-to-end-admin-token-0123";
    private static final JsonMapper JSON = AdminClient.JSON;
    private static final GitHttpTestServer GIT = startGitServer();
    private static final AdjustableClock CLOCK = new AdjustableClock();

    @LocalServerPort
    int port;
    @Autowired
    TournamentService tournaments;
    @Autowired
    TournamentJobs jobs;
    @Autowired
    PathsProperties paths;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock adjustableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void gitServer(DynamicPropertyRegistry registry) {
        registry.add("validator.submission.loopback-http-hosts[0]", GIT::hostPort);
    }

    private static GitHttpTestServer startGitServer() {
        try {
            return new GitHttpTestServer(Files.createTempDirectory("e2e-git"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopGitServer() throws Exception {
        GIT.close();
    }

    @Test
    void aTournamentRunsFromRegistrationToWeights() throws Exception {
        DockerTestSupport.requireDocker();
        BaselineAnalyzer.requireJar();
        AdminClient api = new AdminClient(port, TOKEN);
        long started = System.nanoTime();
        Map<String, String> commits = new HashMap<>();
        commits.put("baseline/analyzer", AnalyzerRepos.honest(GIT, "baseline/analyzer.git"));
        commits.put("honest/analyzer", AnalyzerRepos.honest(GIT, "honest/analyzer.git"));
        commits.put("cheater/analyzer", AnalyzerRepos.cheater(GIT, "cheater/analyzer.git"));
        commits.put("crasher/analyzer", AnalyzerRepos.crasher(GIT, "crasher/analyzer.git"));
        commits.put("sleeper/analyzer", AnalyzerRepos.sleeper(GIT, "sleeper/analyzer.git"));

        JsonNode created = api.call("POST", "/api/v1/admin/tournaments", """
                {"name":"e2e","netuid":77,"epochs":1,"epoch_blocks":100,"test_networks":["torus","bittensor"],
                 "registration_start":"%s","baseline_repository":"%s","baseline_version":"%s"}"""
                .formatted(Instant.now(CLOCK).minusSeconds(60), GIT.url("baseline/analyzer.git"),
                        commits.get("baseline/analyzer")));
        UUID id = UUID.fromString(created.get("id").asString());
        int uid = 1;
        for (String miner : List.of("honest", "cheater", "crasher", "sleeper")) {
            api.call("POST", "/api/v1/admin/tournaments/" + id + "/submissions", """
                    {"hotkey":"%s","uid":%d,"repository_url":"%s","commit_hash":"%s"}"""
                    .formatted(miner, uid++, GIT.url(miner + "/analyzer.git"), commits.get(miner + "/analyzer")));
        }

        api.fire("epoch-start");
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.ACTIVE);
        api.fire("evaluation");
        AdminClient.await("submissions validated", Duration.ofMinutes(5),
                () -> tournaments.listSubmissions(id).stream().allMatch(s -> s.getStatus().isFinal()));
        assertThat(tournaments.listSubmissions(id)).as("every submission builds")
                .allSatisfy(s -> assertThat(s.getStatus()).as(s.getHotkey() + ": " + s.getValidationError())
                        .isEqualTo(SubmissionStatus.VALIDATED));

        api.fire("evaluation");
        List<EvaluationRun> runs = tournaments.listRunsOfTournament(id);
        assertThat(runs).hasSize(10);
        AdminClient.await("runs finished", Duration.ofMinutes(8), () -> tournaments.listRunsOfTournament(id).stream()
                .allMatch(r -> r.getStatus().isTerminal()));
        Map<UUID, String> hotkeys = new HashMap<>();
        tournaments.listSubmissions(id).forEach(s -> hotkeys.put(s.getId(), s.getHotkey()));
        for (EvaluationRun run : tournaments.listRunsOfTournament(id)) {
            String who = hotkeys.get(run.getSubmissionId());
            System.out.printf("run %-8s %-9s %-9s final=%s error=%s%n", who, run.getNetwork(), run.getStatus().id(),
                    run.getFinalScore(), run.getErrorMessage());
            RunStatus expected = switch (who) {
                case "crasher" -> RunStatus.FAILED;
                case "sleeper" -> RunStatus.TIMEOUT;
                default -> RunStatus.COMPLETED;
            };
            assertThat(run.getStatus()).as(who + " " + run.getErrorMessage()).isEqualTo(expected);
        }

        double overhead = tournaments.listRunsOfTournament(id).stream()
                .filter(r -> r.getStatus() == RunStatus.COMPLETED)
                .mapToDouble(r -> Duration.between(r.getStartedAt(), r.getCompletedAt()).toMillis() / 1000.0
                        - r.getExecutionTimeSeconds())
                .average().orElseThrow();
        System.out.printf("per run, started to completed beyond the two phases (sandbox slot wait, containers,"
                + " scoring, writes): %.2f s%n",
                overhead);

        api.fire("epoch-end");
        Map<String, TournamentResult> results = new HashMap<>();
        tournaments.listResults(id).forEach(r -> results.put(r.getHotkey(), r));
        results.values().forEach(r -> System.out.printf("result %-8s rank=%s final=%.4f weight=%.4f beat=%s%n",
                r.getHotkey(), r.getRank(), r.getFinalScore(), r.getWeight(), r.isBeatBaseline()));
        assertThat(results.get("honest").getRank()).isEqualTo(1);
        assertThat(results.get("baseline").getRank()).isNull();
        assertThat(results.get("cheater").getFinalScore()).isLessThan(results.get("baseline").getFinalScore());
        assertThat(results.get("crasher").getFinalScore()).isZero();
        assertThat(results.get("sleeper").getFinalScore()).isZero();
        // scoring v2: final = 0.5·AP + 0.3 + 0.2·performance; the baseline's AP is modest until it is re-tuned
        assertThat(results.get("honest").getFinalScore()).isGreaterThan(0.4);
        assertThat(results.get("honest").getPatternAccuracyScore())
                .isGreaterThan(results.get("cheater").getPatternAccuracyScore());

        Path weights = paths.workDir().resolve("weights").resolve(id + "-0.json");
        JsonNode vector = JSON.readTree(Files.readString(weights));
        double sum = 0;
        for (JsonNode w : vector.get("weights")) {
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // only a miner that beat the baseline gets weight (integrity.md "Weights")
        results.values().stream().filter(r -> !r.isBeatBaseline())
                .forEach(r -> assertThat(r.getWeight()).as(r.getHotkey()).isZero());
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.ACTIVE);

        // firing each job again changes nothing
        List<TournamentResult> before = tournaments.listResults(id);
        api.fire("epoch-start");
        api.fire("evaluation");
        assertThat(tournaments.listRunsOfTournament(id)).hasSize(10)
                .allSatisfy(r -> assertThat(r.getStatus().isTerminal()).isTrue());
        api.fire("epoch-end");
        assertThat(tournaments.listResults(id)).extracting(TournamentResult::getHotkey, TournamentResult::getFinalScore)
                .containsExactlyElementsOf(before.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.getHotkey(),
                        r.getFinalScore())).toList());

        CLOCK.advance(Duration.ofSeconds(12L * 100));
        api.fire("epoch-end");
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.COMPLETED);
        System.out.printf("end-to-end tournament: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
