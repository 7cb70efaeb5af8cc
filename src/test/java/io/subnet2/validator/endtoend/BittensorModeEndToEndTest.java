package io.subnet2.validator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.chain.bittensor.FakeAxon;
import io.subnet2.validator.chain.bittensor.FakeSubtensorNode;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.testsupport.DockerTestSupport;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentResult;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import tools.jackson.databind.JsonNode;

/**
 * A whole tournament in bittensor mode (issue 13): the validator starts against a fake subtensor node
 * (neurons SCALE-encoded by @polkadot/types) with its hotkey in a btwallet keyfile, and collects
 * submissions over signed SubmissionSynapse queries from fake axons that verify the signatures. Miners:
 * honest, one that changes its code during registration, one answering garbage, one unreachable, and a
 * uid re-registered by a new hotkey (the old hotkey's submission must not run nor get weight).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=",
        "validator.api.admin-token=" + BittensorModeEndToEndTest.TOKEN,
        "validator.chain.mode=bittensor",
        "validator.chain.bittensor.netuid=" + BittensorModeEndToEndTest.NETUID,
        "validator.chain.bittensor.dendrite.timeout=3s",
        "validator.chain.bittensor.dendrite.allow-private-axons=true",
        "validator.chain.bittensor.rpc.initial-backoff=50ms",
        "validator.dataset.transfers=5000",
        "validator.sandbox.features-timeout=20s",
        "validator.sandbox.patterns-timeout=20s",
        "validator.evaluation.retry-delay=2s",
        "validator.schedule.epoch-start=0 0 0 1 1 ? 2099",
        "validator.schedule.evaluation=0 0 0 1 1 ? 2099",
        "validator.schedule.epoch-end=0 0 0 1 1 ? 2099",
        "validator.submission.allow-loopback-http=true"})
class BittensorModeEndToEndTest {

    static final String TOKEN = "bittensor-end-to-end-token-0123";
    static final int NETUID = 42;
    private static final long LOCALHOST = FakeSubtensorNode.ipv4(127, 0, 0, 1);
    private static final GitHttpTestServer GIT;
    private static final FakeSubtensorNode NODE;
    private static final Path WALLETS;
    private static final Path WORK;
    private static final Sr25519Keypair VALIDATOR;
    private static final AdjustableClock CLOCK = new AdjustableClock();
    private static final Map<String, FakeAxon> AXONS = new HashMap<>();
    private static final List<Map<String, Object>> NEURONS = new ArrayList<>();
    private static final String COLDKEY = Sr25519Keypair.fromUri("//Owner").ss58();

    static {
        try {
            GIT = new GitHttpTestServer(Files.createTempDirectory("e2e-bt-git"));
            WORK = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), "e2e-bittensor-")
                    .toAbsolutePath();
            NODE = new FakeSubtensorNode(NETUID);
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            VALIDATOR = Sr25519Keypair.fromMiniSecret(seed);
            WALLETS = Files.createTempDirectory("e2e-bt-wallets");
            Path hotkeys = Files.createDirectories(WALLETS.resolve("validator").resolve("hotkeys"));
            String pub = "0x" + HexFormat.of().formatHex(VALIDATOR.publicKey());
            Files.writeString(hotkeys.resolve("default"), """
                    {"accountId": "%s", "publicKey": "%s", "secretPhrase": null, "secretSeed": "0x%s", "ss58Address": "%s"}"""
                    .formatted(pub, pub, HexFormat.of().formatHex(seed), VALIDATOR.ss58()));
            for (String miner : List.of("honest", "changer", "garbage", "leaver", "newcomer")) {
                AXONS.put(miner, new FakeAxon(Sr25519Keypair.fromUri("//" + miner).ss58()));
            }
            AXONS.get("garbage").behave(FakeAxon.Behaviour.GARBAGE);
            AXONS.get("newcomer").behave(FakeAxon.Behaviour.NO_SUBMISSION);
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            NEURONS.add(FakeSubtensorNode.neuron(0, NETUID, VALIDATOR.ss58(), COLDKEY, 0, 0, true, 10_000_000_000_000L));
            NEURONS.add(axonNeuron(1, "honest"));
            NEURONS.add(axonNeuron(2, "changer"));
            NEURONS.add(axonNeuron(3, "garbage"));
            NEURONS.add(FakeSubtensorNode.neuron(4, NETUID, Sr25519Keypair.fromUri("//gone").ss58(), COLDKEY, LOCALHOST,
                    closedPort, false, 1));
            NEURONS.add(axonNeuron(5, "leaver"));
            NODE.setNeurons(NEURONS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> axonNeuron(int uid, String miner) {
        FakeAxon axon = AXONS.get(miner);
        return FakeSubtensorNode.neuron(uid, NETUID, axon.hotkey(), COLDKEY, LOCALHOST, axon.port(), false, 1_000_000_000L);
    }

    @LocalServerPort
    int port;
    @Autowired
    TournamentService tournaments;
    @Autowired
    PathsProperties paths;
    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock adjustableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("validator.submission.loopback-http-hosts[0]", GIT::hostPort);
        // a fresh database each run: a tournament left open by an earlier run would hold the netuid
        registry.add("validator.paths.work-dir", () -> WORK.toString());
        registry.add("validator.chain.bittensor.network[0]", () -> NODE.uri().toString());
        registry.add("validator.chain.bittensor.wallet.path", WALLETS::toString);
        registry.add("validator.chain.bittensor.wallet.name", () -> "validator");
        registry.add("validator.chain.bittensor.wallet.hotkey", () -> "default");
    }

    @AfterAll
    static void stopPeers() throws Exception {
        AXONS.values().forEach(FakeAxon::close);
        NODE.close();
        GIT.close();
    }

    @Test
    void aTournamentRunsOverTheChainAndTheMinersAxons() throws Exception {
        DockerTestSupport.requireDocker();
        BaselineAnalyzer.requireJar();
        AdminClient api = new AdminClient(port, TOKEN);
        String baseline = AnalyzerRepos.honest(GIT, "baseline/analyzer.git");
        String honest = AnalyzerRepos.honest(GIT, "honest/analyzer.git");
        String changerFirst = AnalyzerRepos.crasher(GIT, "changer/first.git");
        String changerSecond = AnalyzerRepos.cheater(GIT, "changer/second.git");
        String leaver = AnalyzerRepos.honest(GIT, "leaver/analyzer.git");
        AXONS.get("honest").submit(GIT.url("honest/analyzer.git"), honest);
        AXONS.get("changer").submit(GIT.url("changer/first.git"), changerFirst);
        AXONS.get("leaver").submit(GIT.url("leaver/analyzer.git"), leaver);

        // the start block defaults to the chain's finalized head
        JsonNode created = api.call("POST", "/api/v1/admin/tournaments", """
                {"name":"bt-e2e","netuid":%d,"epochs":1,"epoch_blocks":100,"test_networks":["torus"],
                 "registration_start":"%s","registration_end":"%s","baseline_repository":"%s","baseline_version":"%s"}"""
                .formatted(NETUID, Instant.now(CLOCK).minusSeconds(60), Instant.now(CLOCK).plusSeconds(3600),
                        GIT.url("baseline/analyzer.git"), baseline));
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(created.get("start_block").asLong()).isEqualTo(NODE.head());

        api.fire("epoch-start");
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.REGISTRATION);
        assertThat(hotkeysOf(id)).containsExactlyInAnyOrder("baseline", AXONS.get("honest").hotkey(),
                AXONS.get("changer").hotkey(), AXONS.get("leaver").hotkey());
        assertThat(AXONS.get("honest").statuses).as("the axon verified the signed query").containsExactly(200);

        // during registration: the changer answers other code; uid 5 goes to a new hotkey
        AXONS.get("changer").submit(GIT.url("changer/second.git"), changerSecond);
        NEURONS.set(5, axonNeuron(5, "newcomer"));
        NODE.setNeurons(NEURONS);
        api.fire("epoch-start");
        Submission changer = tournaments.findSubmission(id, AXONS.get("changer").hotkey()).orElseThrow();
        assertThat(changer.getCommitHash()).isEqualTo(changerSecond);
        assertThat(tournaments.findSubmission(id, AXONS.get("leaver").hotkey())).as("old hotkey of uid 5").isEmpty();
        assertThat(tournaments.listSubmissions(id)).filteredOn(s -> s.getUid() == 5).singleElement()
                .satisfies(s -> assertThat(s.getStatus()).isEqualTo(SubmissionStatus.DEREGISTERED));
        int leaverQueries = AXONS.get("leaver").statuses.size();

        CLOCK.advance(Duration.ofHours(2));
        api.fire("epoch-start");
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.ACTIVE);
        assertThat(AXONS.get("leaver").statuses).as("a deregistered hotkey is not asked again").hasSize(leaverQueries);
        api.fire("evaluation");
        AdminClient.await("submissions validated", Duration.ofMinutes(5), () -> tournaments.listSubmissions(id).stream()
                .filter(s -> s.getStatus() != SubmissionStatus.DEREGISTERED).allMatch(s -> s.getStatus().isFinal()));
        api.fire("evaluation");
        AdminClient.await("runs finished", Duration.ofMinutes(8), () -> tournaments.listRunsOfTournament(id).stream()
                .allMatch(r -> r.getStatus().isTerminal()));
        List<EvaluationRun> runs = tournaments.listRunsOfTournament(id);
        assertThat(runs).as("baseline, honest, changer: one epoch, one network").hasSize(3)
                .allSatisfy(r -> assertThat(r.getEpochNumber()).isZero());

        api.fire("epoch-end");
        Map<String, TournamentResult> results = new HashMap<>();
        tournaments.listResults(id).forEach(r -> results.put(r.getHotkey(), r));
        assertThat(results).containsOnlyKeys("baseline", AXONS.get("honest").hotkey(), AXONS.get("changer").hotkey());
        assertThat(results.get(AXONS.get("honest").hotkey()).getRank()).isEqualTo(1);
        // in bittensor mode weights go to the chain publisher (covered by WeightPublisherTest); here: the
        // re-registered uid 5 has no result, so no weight, and the weights of the results sum to at most 1
        assertThat(results.values()).noneMatch(r -> r.getUid() == 5);
        assertThat(results.values().stream().mapToDouble(TournamentResult::getWeight).sum())
                .isLessThanOrEqualTo(1.0 + 1e-9);

        // failures were counted per reason, and the round went on
        assertThat(count("malformed")).isGreaterThanOrEqualTo(3);
        assertThat(count("unreachable")).isGreaterThanOrEqualTo(3);
        assertThat(count("answered")).isGreaterThanOrEqualTo(6);

        // the end block is where epoch 1 would start: no run of an extra epoch, then completion
        NODE.setHead(created.get("end_block").asLong());
        api.fire("epoch-start");
        api.fire("evaluation");
        assertThat(tournaments.listRunsOfTournament(id)).hasSize(3);
        api.fire("epoch-end");
        assertThat(tournaments.getTournament(id).getStatus()).isEqualTo(TournamentStatus.COMPLETED);
    }

    private List<String> hotkeysOf(UUID id) {
        return tournaments.listSubmissions(id).stream().map(Submission::getHotkey).toList();
    }

    private double count(String reason) {
        return meters.get("validator.chain.dendrite.queries").tag("reason", reason).counter().count();
    }
}
