package io.subnet2.validator.chain.bittensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.metagraph.ChainBlockClock;
import io.subnet2.validator.chain.bittensor.metagraph.ChainMinerDirectory;
import io.subnet2.validator.chain.bittensor.metagraph.SubtensorReads;
import io.subnet2.validator.chain.bittensor.rpc.JsonRpcClient;
import io.subnet2.validator.chain.bittensor.rpc.RpcErrorException;
import io.subnet2.validator.chain.bittensor.rpc.RpcSettings;
import io.subnet2.validator.chain.bittensor.rpc.RpcUnavailableException;

/** JSON-RPC client, metagraph decoding and block clock against the fake node (neurons encoded by @polkadot/types). */
class SubtensorReadsTest {

    private static final int NETUID = 7;
    private static final RpcSettings FAST = new RpcSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(40), 1 << 20);
    private static final String ALICE = Sr25519Keypair.fromUri("//Alice").ss58();
    private static final String BOB = Sr25519Keypair.fromUri("//Bob").ss58();
    private static final String CHARLIE = Sr25519Keypair.fromUri("//Charlie").ss58();
    private FakeSubtensorNode node;

    @BeforeEach
    void start() throws Exception {
        node = new FakeSubtensorNode(NETUID);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private JsonRpcClient client(URI... endpoints) {
        return new JsonRpcClient(List.of(endpoints), FAST);
    }

    @Test
    void neuronsDecodeAsThePolkadotEncoderLaidThemOut() {
        Map<String, Object> v6 = new HashMap<>(FakeSubtensorNode.neuron(2, NETUID, CHARLIE, BOB, 0, 9000, false, 5));
        v6.put("axon_info", Map.of("block", "1", "version", 1, "ip", new BigInteger("20010db8000000000000000000000001", 16)
                .toString(), "port", 9000, "ip_type", 6, "protocol", 4, "placeholder1", 0, "placeholder2", 0));
        node.setNeurons(List.of(
                FakeSubtensorNode.neuron(0, NETUID, ALICE, BOB, FakeSubtensorNode.ipv4(203, 0, 113, 9), 8091, true,
                        4_000_000_000_000L),
                FakeSubtensorNode.neuron(1, NETUID, BOB, ALICE, 0, 0, false, 0), v6));
        try (JsonRpcClient rpc = client(node.uri())) {
            List<Neuron> neurons = new ChainMinerDirectory(new SubtensorReads(rpc), NETUID).refresh();
            assertThat(neurons).containsExactly(
                    new Neuron(0, ALICE, Optional.of(new Neuron.Axon("203.0.113.9", 8091)),
                            BigInteger.valueOf(4_000_000_000_000L), true),
                    new Neuron(1, BOB, Optional.empty(), BigInteger.ZERO, false),
                    new Neuron(2, CHARLIE, Optional.of(new Neuron.Axon("2001:db8:0:0:0:0:0:1", 9000)), BigInteger.valueOf(5),
                            false));
            // another netuid has no neurons
            assertThat(new ChainMinerDirectory(new SubtensorReads(rpc), NETUID + 1).refresh()).isEmpty();
        }
    }

    @Test
    void failoverRetriesAndErrors() throws Exception {
        URI dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        try (JsonRpcClient rpc = client(dead, node.uri())) {
            assertThat(new SubtensorReads(rpc).finalizedHead().number()).isEqualTo(1000);
            assertThat(rpc.currentEndpoint()).isEqualTo(node.uri());
        }
        try (JsonRpcClient rpc = client(node.uri())) {
            node.failNext(2);
            assertThat(new SubtensorReads(rpc).runtimeVersion().specVersion()).isEqualTo(BittensorChain.TESTED_SPEC_VERSION);
            node.failNext(3);
            assertThatThrownBy(() -> rpc.call("state_getRuntimeVersion")).isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("after 3 attempts");
            int before = node.calls.size();
            assertThatThrownBy(() -> rpc.call("author_rotateKeys")).isInstanceOf(RpcErrorException.class)
                    .hasMessageContaining("method not found");
            assertThat(node.calls.size() - before).as("an error object is not retried").isEqualTo(1);
        }
    }

    @Test
    void anOversizedReplyIsRefused() {
        node.setNeurons(java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> FakeSubtensorNode.neuron(i, NETUID, ALICE, BOB, 1, 1, false, i)).toList());
        RpcSettings tiny = new RpcSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO, 2048);
        try (JsonRpcClient rpc = new JsonRpcClient(List.of(node.uri()), tiny)) {
            assertThatThrownBy(() -> new SubtensorReads(rpc).neuronsLite(NETUID)).isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("larger than 2048");
        }
    }

    @Test
    void blockClockReadsTheFinalizedHeadAndBlockTimestamps() {
        Instant genesis = Instant.parse("2026-03-01T00:00:00Z");
        node.setGenesisTime(genesis);
        node.setHead(7200);
        try (JsonRpcClient rpc = client(node.uri())) {
            ChainBlockClock clock = new ChainBlockClock(new SubtensorReads(rpc), Duration.ofSeconds(12));
            assertThat(clock.currentBlock()).isEqualTo(7200);
            assertThat(clock.timeOfBlock(3600)).isEqualTo(genesis.plusSeconds(12 * 3600));
            assertThat(clock.timeOfBlock(7300)).isEqualTo(genesis.plusSeconds(12 * 7300));
            assertThat(clock.blockAt(genesis.plusSeconds(12 * 7210 + 5))).isEqualTo(7210);
        }
    }

    @Test
    void runtimeVersionsOlderThanTestedAreRefusedNewerAreAccepted() {
        assertThatThrownBy(() -> BittensorChain.checkRuntime(new SubtensorReads.RuntimeVersion("node-subtensor", 300, 1)))
                .isInstanceOf(ChainStartupException.class).hasMessageContaining("spec_version 300");
        BittensorChain.checkRuntime(new SubtensorReads.RuntimeVersion("node-subtensor", 500, 1));
    }
}
