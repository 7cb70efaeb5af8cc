package io.subnet2.validator.chain.bittensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.chain.BittensorProperties;
import io.subnet2.validator.chain.ChainCommand;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code chain whoami | metagraph | query} and the startup errors of bittensor mode, against the fake node. */
class ChainCommandTest {

    private static final int NETUID = 3;
    private static final byte[] SEED = HexFormat.of().parseHex("11".repeat(32));
    private static final Sr25519Keypair ME = Sr25519Keypair.fromMiniSecret(SEED);
    @TempDir
    Path wallets;
    private FakeSubtensorNode node;
    private FakeAxon axon;

    @BeforeEach
    void start() throws Exception {
        node = new FakeSubtensorNode(NETUID);
        axon = new FakeAxon(Sr25519Keypair.fromUri("//Miner").ss58()).submit("https://github.com/m/a", "e".repeat(40));
        String cold = Sr25519Keypair.fromUri("//Cold").ss58();
        node.setNeurons(List.of(FakeSubtensorNode.neuron(0, NETUID, ME.ss58(), cold, 0, 0, true, 77),
                FakeSubtensorNode.neuron(1, NETUID, axon.hotkey(), cold, FakeSubtensorNode.ipv4(127, 0, 0, 1),
                        axon.port(), false, 5)));
        writeKeyfile("default");
    }

    @AfterEach
    void stop() {
        node.close();
        axon.close();
    }

    private void writeKeyfile(String hotkey) throws Exception {
        Path dir = Files.createDirectories(wallets.resolve("w").resolve("hotkeys"));
        String pub = "0x" + HexFormat.of().formatHex(ME.publicKey());
        Files.writeString(dir.resolve(hotkey), """
                {"accountId": "%s", "publicKey": "%s", "secretPhrase": null, "secretSeed": "0x%s", "ss58Address": "%s"}"""
                .formatted(pub, pub, HexFormat.of().formatHex(SEED), ME.ss58()));
    }

    private record Result(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ChainCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] args(String command, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command, "--netuid", Integer.toString(NETUID), "--network",
                node.uri().toString(), "--wallet.name", "w", "--wallet.hotkey", "default", "--wallet.path", wallets.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void whoamiMetagraphAndQuery() {
        Result whoami = run(args("whoami"));
        assertThat(whoami.code()).as(whoami.err()).isZero();
        assertThat(whoami.json().get("hotkey").stringValue()).isEqualTo(ME.ss58());
        assertThat(whoami.json().get("registered").booleanValue()).isTrue();
        assertThat(whoami.json().get("uid").intValue()).isZero();
        assertThat(whoami.json().get("validator_permit").booleanValue()).isTrue();

        Result metagraph = run(args("metagraph"));
        assertThat(metagraph.code()).isZero();
        assertThat(metagraph.json()).hasSize(2);
        assertThat(metagraph.json().get(1).get("axon").stringValue()).isEqualTo("127.0.0.1:" + axon.port());

        // the axon is on loopback: the command, like the service, refuses it unless allowed
        Result query = run(args("query", "--uid", "1"));
        assertThat(query.code()).isEqualTo(1);
        assertThat(query.json().get("outcome").stringValue()).isEqualTo("private_address");
        assertThat(axon.statuses).isEmpty();
    }

    @Test
    void failuresAreOneClearLine() throws Exception {
        Result usage = run("whoami");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("chain: --netuid is required");

        Result missing = run(args("whoami", "--wallet.hotkey", "nope"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("hotkeys/nope").contains("not found");

        Result escape = run(args("whoami", "--wallet.hotkey", "../../../etc/passwd"));
        assertThat(escape.code()).isEqualTo(1);
        assertThat(escape.err().strip()).doesNotContain("\n").contains("plain file names");

        Files.writeString(wallets.resolve("w/hotkeys/locked"), "$NACL" + "x".repeat(80));
        Result locked = run(args("whoami", "--wallet.hotkey", "locked"));
        assertThat(locked.err().strip()).doesNotContain("\n").contains("encrypted").contains("BT_WALLET_PASSWORD");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String[] unreachable = args("whoami");
        unreachable[4] = "http://127.0.0.1:" + closed;
        Result down = run(unreachable);
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err().strip()).doesNotContain("\n").contains("cannot reach a subtensor node");

        node.setSpecVersion(BittensorChain.TESTED_SPEC_VERSION - 1);
        assertThat(run(args("metagraph")).err()).contains("older than the layouts");
    }

    @Test
    void theServiceRefusesAHotkeyNotRegisteredOnTheNetuid() {
        BittensorProperties props = ChainCommandTestSupport.properties(NETUID + 1, node.uri().toString(), wallets);
        try (BittensorChain chain = BittensorChain.connect(props)) {
            assertThatThrownBy(chain::requireRegistered).isInstanceOf(ChainStartupException.class)
                    .hasMessageContaining("is not registered on netuid " + (NETUID + 1));
        }
        try (BittensorChain chain = BittensorChain.connect(ChainCommandTestSupport.properties(NETUID, node.uri().toString(),
                wallets))) {
            assertThat(chain.requireRegistered().uid()).isZero();
        }
    }

    /** Properties as the service binds them. */
    static final class ChainCommandTestSupport {
        static BittensorProperties properties(int netuid, String network, Path wallets) {
            return new BittensorProperties(netuid, List.of(network),
                    new BittensorProperties.Wallet("w", "default", wallets, null), null, null, null);
        }
    }
}
