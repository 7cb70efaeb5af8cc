package io.subnet2.validator.chain.bittensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.subnet2.validator.chain.MinerAnswer;
import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.FakeAxon.Behaviour;
import io.subnet2.validator.chain.bittensor.dendrite.Dendrite;
import io.subnet2.validator.chain.bittensor.dendrite.DendriteCollector;
import io.subnet2.validator.chain.bittensor.dendrite.DendriteSettings;
import io.subnet2.validator.chain.bittensor.dendrite.QueryOutcome;
import io.subnet2.validator.chain.bittensor.dendrite.QueryOutcome.Reason;
import io.subnet2.validator.chain.bittensor.dendrite.SubmissionSynapse;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;

/** The dendrite against fake axons that verify its signatures; every failure has its reason. */
class DendriteTest {

    private static final Sr25519Keypair VALIDATOR = Sr25519Keypair.fromUri("//Alice");
    private static final DendriteSettings SETTINGS = new DendriteSettings(Duration.ofSeconds(2), 4, 64 * 1024,
            "127.0.0.1", true);
    private final List<FakeAxon> axons = new ArrayList<>();
    private final Dendrite dendrite = new Dendrite(VALIDATOR, SETTINGS);

    @AfterEach
    void close() {
        axons.forEach(FakeAxon::close);
    }

    private FakeAxon axon(String uri) throws Exception {
        FakeAxon axon = new FakeAxon(Sr25519Keypair.fromUri(uri).ss58());
        axons.add(axon);
        return axon;
    }

    private static Neuron neuron(int uid, FakeAxon axon) {
        return new Neuron(uid, axon.hotkey(), Optional.of(new Neuron.Axon("127.0.0.1", axon.port())), BigInteger.TEN,
                false);
    }

    @Test
    void aSignedQueryIsVerifiedByTheAxonAndReadsTheSubmission() throws Exception {
        FakeAxon axon = axon("//Miner1").submit("https://github.com/m/one", "b".repeat(40));
        QueryOutcome outcome = dendrite.query(neuron(3, axon), "t-1", 7);
        assertThat(outcome.reason()).isEqualTo(Reason.ANSWERED);
        assertThat(outcome.answer()).contains(new MinerAnswer(axon.hotkey(), 3, "https://github.com/m/one", "b".repeat(40)));
        assertThat(axon.statuses).containsExactly(200);
        assertThat(axon.bodies.get(0).get("tournament_id").stringValue()).isEqualTo("t-1");
        assertThat(axon.bodies.get(0).get("epoch_number").longValue()).isEqualTo(7);
        assertThat(axon.bodies.get(0).get("dendrite").get("hotkey").stringValue()).isEqualTo(VALIDATOR.ss58());
        // a second query carries a newer nonce and is accepted too
        assertThat(dendrite.query(neuron(3, axon), "t-1", 7).reason()).isEqualTo(Reason.ANSWERED);
        assertThat(axon.statuses).containsExactly(200, 200);
    }

    @Test
    void aForgedSignatureIsRefusedByTheAxon() throws Exception {
        FakeAxon axon = axon("//Miner1");
        // claims to be Alice (the hotkey in the headers) but signs with Bob's key; then replays a good request
        SubmissionSynapse.Request request = new SubmissionSynapse.Request(new SubmissionSynapse.Terminals("1.2.3.4",
                System.currentTimeMillis() * 1_000_000L, "u-1", VALIDATOR.ss58(), "127.0.0.1", axon.port(),
                axon.hotkey()), 12.0, "t", 0);
        String forged = "0x" + HexFormat.of().formatHex(Sr25519Keypair.fromUri("//Bob").sign(request.signedMessage()));
        String genuine = "0x" + HexFormat.of().formatHex(VALIDATOR.sign(request.signedMessage()));
        assertThat(post(axon, request, forged)).isEqualTo(401);
        assertThat(post(axon, request, genuine)).isEqualTo(200);
        assertThat(post(axon, request, genuine)).as("replayed nonce").isEqualTo(401);
        assertThat(axon.statuses).containsExactly(401, 200, 401);
    }

    private static int post(FakeAxon axon, SubmissionSynapse.Request request, String signature) throws Exception {
        String body = request.body(signature);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + axon.port() + "/SubmissionSynapse"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        request.headers(signature, body.length()).forEach(post::header);
        return HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyFailureHasItsReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Neuron unreachable = new Neuron(9, Sr25519Keypair.fromUri("//Gone").ss58(),
                Optional.of(new Neuron.Axon("127.0.0.1", closedPort)), BigInteger.ONE, false);
        assertThat(dendrite.query(unreachable, "t", 0).reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(dendrite.query(neuron(1, axon("//A1").behave(Behaviour.SLOW)), "t", 0).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(dendrite.query(neuron(1, axon("//A2").behave(Behaviour.ERROR_500)), "t", 0).reason()).isEqualTo(Reason.HTTP_5XX);
        assertThat(dendrite.query(neuron(1, axon("//A3").behave(Behaviour.BUSY_503)), "t", 0).reason()).isEqualTo(Reason.HTTP_5XX);
        assertThat(dendrite.query(neuron(1, axon("//A4").behave(Behaviour.INVALID_422)), "t", 0).reason()).isEqualTo(Reason.HTTP_4XX);
        assertThat(dendrite.query(neuron(1, axon("//A5").blacklist(Set.of(VALIDATOR.ss58()))), "t", 0).detail()).isEqualTo("HTTP 403");
        assertThat(dendrite.query(neuron(1, axon("//A6").behave(Behaviour.GARBAGE)), "t", 0).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(dendrite.query(neuron(1, axon("//A7").behave(Behaviour.HUGE)), "t", 0).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(dendrite.query(neuron(1, axon("//A8").behave(Behaviour.NO_SUBMISSION)), "t", 0).reason()).isEqualTo(Reason.NO_SUBMISSION);
        assertThat(dendrite.query(new Neuron(2, "x", Optional.empty(), BigInteger.ONE, false), "t", 0).reason())
                .isEqualTo(Reason.NOT_SERVING);
    }

    @Test
    void axonsOnPrivateAddressesAreNotQueriedUnlessAllowed() throws Exception {
        FakeAxon axon = axon("//Miner1");
        Dendrite strict = new Dendrite(VALIDATOR, new DendriteSettings(Duration.ofSeconds(2), 4, 64 * 1024, "0.0.0.0", false));
        assertThat(strict.query(neuron(1, axon), "t", 0).reason()).isEqualTo(Reason.PRIVATE_ADDRESS);
        assertThat(axon.statuses).isEmpty();
        for (String host : List.of("10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.1.1", "0.0.0.0", "::1", "fd00::1")) {
            Neuron n = new Neuron(1, axon.hotkey(), Optional.of(new Neuron.Axon(host, 8091)), BigInteger.ONE, false);
            assertThat(strict.query(n, "t", 0).reason()).as(host).isEqualTo(Reason.PRIVATE_ADDRESS);
        }
    }

    @Test
    void theCollectorAsksEveryServingAxonCountsEachReasonAndAppliesThePolicy() throws Exception {
        FakeAxon good = axon("//Good").submit("https://github.com/good/a", "c".repeat(40));
        FakeAxon garbage = axon("//Garbage").behave(Behaviour.GARBAGE);
        FakeAxon badUrl = axon("//BadUrl").submit("http://169.254.169.254/latest", "d".repeat(40));
        Neuron self = new Neuron(0, VALIDATOR.ss58(), Optional.of(new Neuron.Axon("127.0.0.1", 1)), BigInteger.TEN, true);
        List<Neuron> neurons = List.of(self, neuron(1, good), neuron(2, garbage), neuron(3, badUrl),
                new Neuron(4, "5Fnoaxon", Optional.empty(), BigInteger.ONE, false));
        MinerDirectory directory = new MinerDirectory() {
            @Override
            public List<Neuron> refresh() {
                return neurons;
            }

            @Override
            public boolean tracksRegistrations() {
                return true;
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DendriteCollector collector = new DendriteCollector(directory, dendrite,
                a -> a.repositoryUrl().startsWith("https://") ? Optional.empty() : Optional.of("URL must be https"), meters, 2);
        List<MinerAnswer> answers = collector.collect(UUID.randomUUID(), 0);
        assertThat(answers).extracting(MinerAnswer::uid).containsExactly(1);
        assertThat(count(meters, Reason.ANSWERED)).isEqualTo(1);
        assertThat(count(meters, Reason.MALFORMED)).isEqualTo(1);
        assertThat(count(meters, Reason.REJECTED)).isEqualTo(1);
        assertThat(count(meters, Reason.NOT_SERVING)).isEqualTo(1);
        // the validator never queries itself
        assertThat(meters.get("validator.chain.dendrite.queries").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(4);
    }

    @Test
    void theBodyHashIsTheConstantOfNoRequiredField() throws Exception {
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA3-256").digest(new byte[0])))
                .isEqualTo(SubmissionSynapse.EMPTY_BODY_HASH);
    }

    private static double count(SimpleMeterRegistry meters, Reason reason) {
        return meters.get("validator.chain.dendrite.queries").tag("reason", reason.tag()).counter().count();
    }
}
