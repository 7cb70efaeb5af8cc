package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import tools.jackson.databind.JsonNode;

/**
 * README's newcomer path on a running validator, with nobody firing jobs: the cron jobs (local
 * quick-start, made faster here) create a tournament with the examples/baseline-analyzer baseline;
 * a miner joins with README's one command; the tournament runs and completes on the real
 * sandbox and scorer; headless Chromium reads the pages, the leaderboard on the page equals the API's,
 * and screenshots land in target/browser/. The next tournament is created unattended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "validator.paths.work-dir=" + NewcomerPathTest.WORK_DIR,
        "spring.datasource.url=",
        "validator.api.admin-token=" + NewcomerPathTest.TOKEN,
        "validator.tournaments.auto-create=true",
        "validator.tournaments.local-quick-start=true",
        "validator.tournaments.registration=120s",
        "validator.tournaments.epochs=1",
        "validator.tournaments.epoch-blocks=900",
        "validator.chain.local.block-seconds=1",
        "validator.schedule.epoch-start=0/5 * * * * ?",
        "validator.schedule.evaluation=1/5 * * * * ?",
        "validator.schedule.epoch-end=3/5 * * * * ?",
        "validator.dataset.transfers=5000",
        "validator.sandbox.features-timeout=90s",
        "validator.sandbox.patterns-timeout=90s",
        "validator.evaluation.retry-delay=2s",
        "validator.submission.allow-loopback-http=true",
        "validator.submission.build-args.BASE_IMAGE=" + DockerTestSupport.JRE_BASE})
class NewcomerPathTest {

    static final String TOKEN = "newcomer-admin-token-0123";
    static final String WORK_DIR = "target/test-work/newcomer";
    private static final GitHttpTestServer GIT = startGitServer();
    private static final AdjustableClock CLOCK = new AdjustableClock();

    @LocalServerPort
    int port;
    @Autowired
    TournamentService tournaments;

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

    /** A fresh database every time: an open tournament of an earlier run would be reused otherwise. */
    private static GitHttpTestServer startGitServer() {
        try {
            FileSystemUtils.deleteRecursively(Path.of(WORK_DIR));
            return new GitHttpTestServer(Files.createTempDirectory("newcomer-git"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopGitServer() throws Exception {
        GIT.close();
    }

    @Test
    void cloneRunOpenAddAMinerSeeItRanked() throws Exception {
        DockerTestSupport.requireDocker();
        BaselineAnalyzer.requireJar();
        AdminClient api = new AdminClient(port, TOKEN);
        String honest = AnalyzerRepos.honest(GIT, "newcomer/analyzer.git");
        String crasher = AnalyzerRepos.crasher(GIT, "crasher/analyzer.git");

        AdminClient.await("an auto-created tournament in registration", Duration.ofMinutes(2),
                () -> !tournaments.listTournaments(TournamentStatus.REGISTRATION).isEmpty());
        UUID id = tournaments.listTournaments(TournamentStatus.REGISTRATION).get(0).getId();

        // README: "add a miner" is one command
        api.call("POST", "/api/v1/admin/tournaments/current/submissions", """
                {"hotkey":"newcomer","uid":1,"repository_url":"%s","commit_hash":"%s"}"""
                .formatted(GIT.url("newcomer/analyzer.git"), honest));
        api.call("POST", "/api/v1/admin/tournaments/current/submissions", """
                {"hotkey":"crasher","uid":2,"repository_url":"%s","commit_hash":"%s"}"""
                .formatted(GIT.url("crasher/analyzer.git"), crasher));

        try (Browser browser = new Browser()) {
            browser.driver.get(base() + "/");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(
                    tournaments.getTournament(id).getName());
            browser.screenshot("dashboard");

            AdminClient.await("runs of all three finished", Duration.ofMinutes(12), () -> {
                var runs = tournaments.listRunsOfTournament(id);
                return runs.size() == 3 && runs.stream().allMatch(r -> r.getStatus().isTerminal());
            });
            browser.driver.get(base() + "/tournaments/" + id);
            assertThat(browser.driver.findElement(By.id("runs-table")).getText()).contains("nonzero_exit");
            browser.screenshot("tournament-runs-finished");

            // nobody waits for the end block: move the clock past it, the next epoch end completes it
            CLOCK.advance(Duration.ofSeconds(900));
            AdminClient.await("tournament completed", Duration.ofMinutes(3),
                    () -> tournaments.getTournament(id).getStatus() == TournamentStatus.COMPLETED);

            JsonNode board = api.call("GET", "/api/v1/tournaments/" + id + "/leaderboard", "");
            assertThat(board.get("items").get(0).get("hotkey").asString()).isEqualTo("newcomer");
            assertThat(board.get("items").get(0).get("rank").asInt()).isEqualTo(1);

            browser.driver.get(base() + "/tournaments/" + id);
            assertThat(browser.driver.findElement(By.id("tournament-status")).getText()).isEqualTo("completed");
            assertThat(browser.driver.findElements(By.cssSelector("meta[http-equiv=refresh]")))
                    .as("a finished tournament stops reloading").isEmpty();
            assertThat(pageLeaderboard(browser)).isEqualTo(apiLeaderboard(board));
            Path shot = browser.screenshot("tournament-completed");
            assertThat(Files.size(shot)).isGreaterThan(10_000);

            browser.driver.findElement(By.linkText("newcomer")).click();
            WebElement chart = browser.driver.findElement(By.id("score-chart"));
            assertThat(chart.findElements(By.tagName("circle"))).hasSize(1);
            browser.screenshot("miner-newcomer");

            browser.driver.get(base() + "/miners/crasher");
            browser.driver.findElement(By.linkText("details")).click();
            assertThat(browser.driver.findElement(By.id("run-reason")).getText()).contains("nonzero_exit");
            assertThat(browser.driver.findElement(By.id("run-log")).getText()).contains("crashing");
            browser.screenshot("run-crasher");

            browser.driver.get(base() + "/");
            assertThat(browser.driver.findElement(By.id("kpi-tournaments")).getText()).isEqualTo("1");
            assertThat(browser.driver.findElement(By.id("kpi-miners")).getText()).isEqualTo("2");
        }

        AdminClient.await("the next tournament, created unattended", Duration.ofMinutes(1),
                () -> tournaments.listTournaments().size() == 2);
        tournaments.listTournaments(TournamentStatus.PENDING, TournamentStatus.REGISTRATION, TournamentStatus.ACTIVE)
                .forEach(t -> tournaments.fail(t.getId(), "end of test"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** hotkey, rank, final score and weight of each leaderboard row, as the page shows them. */
    private static List<String> pageLeaderboard(Browser browser) {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#leaderboard-table tr[data-hotkey]"))) {
            rows.add(String.join(" ", row.getAttribute("data-hotkey"), row.findElement(By.className("rank")).getText(),
                    row.findElement(By.className("final")).getText(), row.findElement(By.className("weight")).getText()));
        }
        return rows;
    }

    private static List<String> apiLeaderboard(JsonNode board) {
        List<String> rows = new ArrayList<>();
        for (JsonNode e : board.get("items")) {
            rows.add(String.join(" ", e.get("hotkey").asString(), e.get("rank").isNull() ? "baseline"
                    : e.get("rank").asString(), String.format(Locale.ROOT, "%.4f", e.get("final_score").asDouble()),
                    String.format(Locale.ROOT, "%.4f", e.get("weight").asDouble())));
        }
        return rows;
    }
}
