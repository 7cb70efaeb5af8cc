package io.subnet2.validator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.subnet2.validator.testsupport.DatabaseTest;
import io.subnet2.validator.tournament.FailureKind;
import io.subnet2.validator.tournament.NewResult;
import io.subnet2.validator.tournament.NewSubmission;
import io.subnet2.validator.tournament.NewTournament;
import io.subnet2.validator.tournament.RunKey;
import io.subnet2.validator.tournament.RunOutcome;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.SubmissionVerdict;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API over real HTTP on the real database: shapes, filters, paging, errors, and what it never shows. */
class PublicApiTest extends DatabaseTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String SECRET_LOG = "honest-private-log-line";

    @LocalServerPort
    int port;
    @Autowired
    TournamentService tournaments;

    private UUID tournament;
    private UUID honestRun;
    private UUID crasherRun;

    HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Actuator details and metrics need the admin token (the management surface is not public). */
    HttpResponse<String> getAsAdmin(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** One active tournament with a baseline, an honest miner, a crasher; two older completed ones. */
    @BeforeEach
    void data() {
        for (int i = 0; i < 2; i++) {
            UUID old = tournaments.createTournament(spec("old-" + i, 5)).getId();
            tournaments.updateStatus(old, TournamentStatus.REGISTRATION);
            tournaments.updateStatus(old, TournamentStatus.ACTIVE);
            tournaments.updateStatus(old, TournamentStatus.SCORING);
            tournaments.updateStatus(old, TournamentStatus.COMPLETED);
        }
        tournament = tournaments.createTournament(spec("live", 7)).getId();
        tournaments.updateStatus(tournament, TournamentStatus.REGISTRATION);
        Submission baseline = validated(new NewSubmission(NewSubmission.BASELINE_HOTKEY, NewSubmission.BASELINE_UID,
                "https://github.com/org/baseline", SHA, true));
        Submission honest = validated(new NewSubmission("honest", 1, "https://github.com/m/honest", SHA, false));
        Submission crasher = validated(new NewSubmission("crasher", 2, "https://github.com/m/crasher", SHA, false));
        tournaments.updateStatus(tournament, TournamentStatus.ACTIVE);
        RunKey torus = new RunKey(0, "torus", LocalDate.parse("2026-01-01"));
        RunKey bittensor = new RunKey(0, "bittensor", LocalDate.parse("2026-01-01"));
        finish(baseline, torus, completed(0.6, "baseline log"));
        honestRun = finish(honest, torus, completed(0.8, "x".repeat(20_000) + SECRET_LOG));
        crasherRun = finish(crasher, torus, RunOutcome.minerFault(RunStatus.FAILED, 1, 0.5, null, "crashing",
                "features phase: nonzero_exit (exit code 1)"));
        tournaments.ensureRun(honest.getId(), bittensor);
        tournaments.replaceResults(tournament, List.of(
                new NewResult("honest", 1, 0.7, 1.0, 0.5, 0.8, 1, true, true, 1, 1.0),
                new NewResult("crasher", 2, 0, 0, 0, 0, 2, false, false, 1, 0.0),
                new NewResult(NewSubmission.BASELINE_HOTKEY, NewSubmission.BASELINE_UID, 0.5, 1, 0.5, 0.6, null,
                        false, false, 1, 0.0)));
    }

    private NewTournament spec(String name, int netuid) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new NewTournament(name, netuid, start, start.plusSeconds(60), 1000, 1000 + 360 * 3, 360,
                List.of("torus", "bittensor"), "https://github.com/org/baseline", SHA, "{}");
    }

    private Submission validated(NewSubmission spec) {
        Submission s = tournaments.upsertSubmission(tournament, spec);
        tournaments.updateSubmissionStatus(s.getId(), SubmissionStatus.VALIDATING);
        return tournaments.recordVerdict(s.getId(), new SubmissionVerdict(SubmissionStatus.VALIDATED, "img:" + spec.uid(),
                null, null, null, "build log"));
    }

    private UUID finish(Submission s, RunKey key, RunOutcome outcome) {
        UUID run = tournaments.ensureRun(s.getId(), key).getId();
        tournaments.startRun(run);
        tournaments.finishRun(run, outcome);
        return run;
    }

    private static RunOutcome completed(double score, String log) {
        return new RunOutcome(RunStatus.COMPLETED, null, 0, 1.5, 2.5, true, 0.6, 0.7, 0.9, null, 0.0, 0.5, score, 10, 9, 12, 8,
                log, null);
    }

    @Test
    void tournamentsAreFilteredAndPagedWithTotals() throws Exception {
        JsonNode all = json("/api/v1/tournaments?size=2");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("items").get(0).get("name").asString()).as("newest first").isEqualTo("live");
        assertThat(json("/api/v1/tournaments?size=2&page=1").get("items")).hasSize(1);
        assertThat(json("/api/v1/tournaments?status=completed").get("total").asLong()).isEqualTo(2);
        assertThat(json("/api/v1/tournaments?netuid=7").get("total").asLong()).isEqualTo(1);
        assertThat(json("/api/v1/tournaments?netuid=7&status=completed").get("total").asLong()).isZero();

        JsonNode live = all.get("items").get(0);
        assertThat(live.has("registration_start")).as("snake_case").isTrue();
        assertThat(live.get("registration_start").asString()).as("ISO time").isEqualTo("2026-01-01T00:00:00Z");
        assertThat(live.get("epochs").asLong()).isEqualTo(3);
        assertThat(live.has("config")).as("the config snapshot stays internal").isFalse();
    }

    @Test
    void badParametersAndUnknownIdsAreProblemDetails() throws Exception {
        for (String path : List.of("/api/v1/tournaments?status=bogus", "/api/v1/tournaments?size=1000",
                "/api/v1/tournaments?page=-1", "/api/v1/tournaments/not-a-uuid",
                "/api/v1/tournaments/" + tournament + "/runs?status=done", "/api/v1/miners/bad%20hotkey",
                "/api/v1/tournaments?netuid=x")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(400);
        }
        for (String path : List.of("/api/v1/tournaments/" + UUID.randomUUID(), "/api/v1/miners/nobody",
                "/api/v1/tournaments/" + UUID.randomUUID() + "/leaderboard", "/api/v1/no-such-endpoint")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
        }
        assertThat(JSON.readTree(get("/api/v1/tournaments?status=bogus").body()).get("detail").asString())
                .contains("unknown status 'bogus'").contains("registration");
    }

    @Test
    void detailSubmissionsAndRunsWithFilters() throws Exception {
        JsonNode detail = json("/api/v1/tournaments/" + tournament);
        assertThat(detail.get("tournament").get("status").asString()).isEqualTo("active");
        assertThat(detail.get("submissions").get("validated").asLong()).isEqualTo(3);
        assertThat(detail.get("runs").get("completed").asLong()).isEqualTo(2);
        assertThat(detail.get("runs").get("pending").asLong()).isEqualTo(1);
        assertThat(detail.get("current_epoch").asLong()).isBetween(0L, 2L);

        JsonNode submissions = json("/api/v1/tournaments/" + tournament + "/submissions");
        assertThat(submissions.get("total").asLong()).isEqualTo(3);
        assertThat(submissions.toString()).doesNotContain("build log").doesNotContain("build_log");

        assertThat(json("/api/v1/tournaments/" + tournament + "/runs").get("total").asLong()).isEqualTo(4);
        assertThat(json("/api/v1/tournaments/" + tournament + "/runs?network=bittensor").get("total").asLong())
                .isEqualTo(1);
        assertThat(json("/api/v1/tournaments/" + tournament + "/runs?epoch=1").get("total").asLong()).isZero();
        JsonNode failed = json("/api/v1/tournaments/" + tournament + "/runs?status=failed&epoch=0&network=torus");
        assertThat(failed.get("total").asLong()).isEqualTo(1);
        JsonNode crash = failed.get("items").get(0);
        assertThat(crash.get("hotkey").asString()).isEqualTo("crasher");
        assertThat(crash.get("error_message").asString()).as("the reason is public").contains("nonzero_exit");
        assertThat(crash.get("failure_kind").asString()).isEqualTo("miner");
        assertThat(crash.get("test_date").asString()).isEqualTo("2026-01-01");
        String listing = json("/api/v1/tournaments/" + tournament + "/runs?size=100").toString();
        assertThat(listing).as("no log in a listing").doesNotContain(SECRET_LOG).doesNotContain("log_excerpt")
                .doesNotContain("crashing");
    }

    @Test
    void leaderboardRanksMinersThenTheBaseline() throws Exception {
        JsonNode board = json("/api/v1/tournaments/" + tournament + "/leaderboard");
        List<String> order = new ArrayList<>();
        board.get("items").forEach(e -> order.add(e.get("hotkey").asString()));
        assertThat(order).containsExactly("honest", "crasher", "baseline");
        JsonNode first = board.get("items").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("beat_baseline").asBoolean()).isTrue();
        assertThat(first.get("is_winner").asBoolean()).isTrue();
        assertThat(first.get("weight").asDouble()).isEqualTo(1.0);
        assertThat(first.get("pattern_accuracy_score").asDouble()).isEqualTo(0.7);
        assertThat(board.get("items").get(2).get("rank").isNull()).isTrue();
        assertThat(board.get("items").get(2).get("is_baseline").asBoolean()).isTrue();
        assertThat(board.get("baseline_final_score").asDouble()).isEqualTo(0.6);
    }

    @Test
    void minerHistoryAndOnlyTheMinersOwnRunShowsItsLog() throws Exception {
        JsonNode honest = json("/api/v1/miners/honest");
        assertThat(honest.get("results")).hasSize(1);
        assertThat(honest.get("results").get(0).get("tournament_name").asString()).isEqualTo("live");
        assertThat(honest.get("results").get(0).get("result").get("rank").asInt()).isEqualTo(1);
        assertThat(honest.get("runs")).hasSize(2);
        assertThat(honest.toString()).doesNotContain(SECRET_LOG);

        JsonNode own = json("/api/v1/miners/honest/runs/" + honestRun);
        assertThat(own.get("run").get("final_score").asDouble()).isEqualTo(0.8);
        assertThat(own.get("log_excerpt").asString()).endsWith(SECRET_LOG).hasSize(8192);
        assertThat(own.get("log_truncated").asBoolean()).isTrue();
        JsonNode crash = json("/api/v1/miners/crasher/runs/" + crasherRun);
        assertThat(crash.get("run").get("error_message").asString()).contains("nonzero_exit");
        assertThat(crash.get("log_excerpt").asString()).isEqualTo("crashing");

        // attack: another miner's run under my hotkey, or under a made-up one, is not found
        HttpResponse<String> stolen = get("/api/v1/miners/crasher/runs/" + honestRun);
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(stolen.body()).doesNotContain(SECRET_LOG);
        assertThat(get("/api/v1/miners/nobody/runs/" + honestRun).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/miners/honest/runs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void statsCountEverything() throws Exception {
        JsonNode stats = json("/api/v1/stats");
        assertThat(stats.get("tournaments").get("completed").asLong()).isEqualTo(2);
        assertThat(stats.get("tournaments").get("active").asLong()).isEqualTo(1);
        assertThat(stats.get("miners").asLong()).isEqualTo(2);
        assertThat(stats.get("runs").get("failed").asLong()).isEqualTo(1);
        assertThat(stats.get("open")).hasSize(1);
    }

    @Test
    void openApiDocumentAndUiAreServed() throws Exception {
        JsonNode doc = json("/v3/api-docs");
        assertThat(doc.get("paths").has("/api/v1/tournaments")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/miners/{hotkey}/runs/{id}")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/stats")).isTrue();
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void prometheusHasTheDomainMetricsAndHealthHasDocker() throws Exception {
        assertThat(get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = getAsAdmin("/actuator/prometheus", "text/plain");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("validator_runs{status=\"failed\"}")
                .contains("validator_queue_depth{kind=\"runs\"}")
                .contains("validator_submissions{status=\"validated\"}")
                .containsPattern("validator_runs_finished_total\\{failure_kind=\"miner\",reason=\"nonzero_exit\","
                        + "status=\"failed\"} [1-9]")
                .contains("validator_run_phase_duration_seconds_count{phase=\"features\"}");
        HttpResponse<String> details = getAsAdmin("/actuator/health", "application/json");
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(details.body());
        assertThat(health.get("components").get("docker").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("docker").get("details").get("api_version").asString()).isNotBlank();
    }

    @Test
    void pagesRenderTheSameData() throws Exception {
        HttpResponse<String> dashboard = get("/", HTML);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard").contains("live");
        HttpResponse<String> page = get("/tournaments/" + tournament, HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("honest").contains("nonzero_exit").contains("http-equiv=\"refresh\"")
                .doesNotContain(SECRET_LOG);
        HttpResponse<String> miner = get("/miners/honest", HTML);
        assertThat(miner.body()).contains("<svg id=\"score-chart\"").contains("<polyline");
        assertThat(get("/miners/honest/runs/" + honestRun, HTML).body()).contains(SECRET_LOG);
        HttpResponse<String> stolen = get("/miners/crasher/runs/" + honestRun, HTML);
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(stolen.body()).doesNotContain(SECRET_LOG).contains("<html");
        assertThat(get("/tournaments/" + UUID.randomUUID(), HTML).statusCode()).isEqualTo(404);
    }
}
