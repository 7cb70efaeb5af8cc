package io.subnet2.validator.chain.bittensor.weights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.subnet2.validator.chain.WeightAttempt;
import io.subnet2.validator.chain.WeightVector;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.rpc.JsonRpcClient;
import io.subnet2.validator.chain.bittensor.rpc.RpcSettings;
import io.subnet2.validator.chain.bittensor.timelock.Quicknet;
import io.subnet2.validator.chain.bittensor.timelock.TimelockEncryption;
import io.subnet2.validator.testsupport.DatabaseTest;

/**
 * A {@link ChainWeightPublisher} on the application's PostgreSQL against {@link FakeSubtensor}: //Alice is
 * uid 3 with a permit on netuid 7; head 100, next epoch at 110, tempo 10, reveal period 1. The clock is set so
 * a v4 commit made at the head is aimed at drand round 1000, whose real signature the tests hold.
 */
abstract class WeightPublisherTestBase extends DatabaseTest {

    static final int NETUID = 7;
    static final int UID = 3;
    /** now + (113 − 100)·12 s lands on round 1000 exactly. */
    static final Instant NOW = Instant.ofEpochSecond(Quicknet.GENESIS_SECONDS + 3000 - 13 * 12);

    @Autowired
    DataSource dataSource;

    final Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
    FakeSubtensor node;
    JsonRpcClient rpc;
    WeightAttempts attempts;
    SimpleMeterRegistry meters;
    WeightsHealth health;

    @BeforeEach
    void startNode() throws Exception {
        jdbc.execute("TRUNCATE weight_reveals, weight_attempts CASCADE");
        node = new FakeSubtensor(NETUID);
        node.register(alice.publicKey(), UID, true);
        node.setU16(StorageKeys.byNetuid("Tempo", NETUID), 10);
        node.setU64(StorageKeys.byNetuid("WeightsSetRateLimit", NETUID), 5);
        node.setU64(StorageKeys.lastStoredRound(), 900);
        node.nextEpochStart = 110L;
        rpc = client(List.of(node.uri()));
        attempts = new WeightAttempts(JdbcClient.create(dataSource));
        meters = new SimpleMeterRegistry();
        health = new WeightsHealth();
    }

    @AfterEach
    void stopNode() {
        rpc.close();
        node.close();
    }

    static JsonRpcClient client(List<java.net.URI> endpoints) {
        return new JsonRpcClient(endpoints, new RpcSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(20), Duration.ofMillis(100), 1 << 20));
    }

    ChainWeightPublisher publisher(WeightsProperties properties) {
        return publisher(properties, rpc);
    }

    ChainWeightPublisher publisher(WeightsProperties properties, JsonRpcClient client) {
        return new ChainWeightPublisher(NETUID, ExtrinsicSigner.of(alice), alice.ss58(), new WeightsChain(client), attempts,
                new WeightsMetrics(meters), health, properties, Clock.fixed(NOW, ZoneOffset.UTC),
                TimelockEncryption::quicknet, 12);
    }

    static WeightsProperties properties(String commitReveal, boolean dryRun, long versionKey) {
        return new WeightsProperties(versionKey, commitReveal, dryRun, Duration.ofSeconds(60), 64, 5, 3,
                Duration.ofMillis(20));
    }

    static WeightVector vector(double... weights) {
        List<WeightVector.UidWeight> list = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            list.add(new WeightVector.UidWeight(i, weights[i]));
        }
        return new WeightVector(UUID.randomUUID(), 0, "proportional", list);
    }

    WeightAttempt onlyAttempt() {
        List<WeightAttempt> all = attempts.recent(10);
        org.assertj.core.api.Assertions.assertThat(all).hasSize(1);
        return all.get(0);
    }

    void commitRevealOff() {
        node.setBool(StorageKeys.byNetuid("CommitRevealWeightsEnabled", NETUID), false);
    }

    double counter(String name, String tag, String value) {
        io.micrometer.core.instrument.Counter c = meters.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }
}
