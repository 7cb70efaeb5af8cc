package io.subnet2.validator.chain.bittensor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;
import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;
import io.subnet2.validator.testsupport.NodeScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subtensor node's JSON-RPC over HTTP, for the calls the validator makes. The neurons it serves are
 * SCALE encoded by the independent implementation (@polkadot/types on Node.js, src/test/node/scale), so
 * the Java decoder is checked against bytes it did not produce. Params are checked as a node would:
 * {@code state_call} takes the runtime API name and {@code 0x} + u16le(netuid).
 */
public final class FakeSubtensorNode implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String GENESIS = "0x" + "ab".repeat(32);

    private final HttpServer server;
    private final int netuid;
    private final AtomicLong specVersion = new AtomicLong(BittensorChain.TESTED_SPEC_VERSION);
    private final AtomicReference<String> neuronsHex = new AtomicReference<>("0x00");
    private final AtomicReference<Instant> genesisTime = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicLong head = new AtomicLong(1000);
    private final AtomicInteger failNext = new AtomicInteger();
    /** Every method called, in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public FakeSubtensorNode(int netuid) throws IOException {
        this.netuid = netuid;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The neurons as JSON maps (see {@link #neuron}); encoded by Node.js. */
    public void setNeurons(List<Map<String, Object>> neurons) {
        JsonNode hex = NodeScript.run("scale", "scale.mjs", Map.of("command", "encode-neurons", "input", neurons),
                Duration.ofSeconds(60));
        neuronsHex.set(hex.stringValue());
    }

    public String neuronsHex() {
        return neuronsHex.get();
    }

    public void setSpecVersion(long version) {
        specVersion.set(version);
    }

    public void setHead(long block) {
        head.set(block);
    }

    public long head() {
        return head.get();
    }

    /** Block n's Timestamp.Now is genesis + 12 s·n. */
    public void setGenesisTime(Instant time) {
        genesisTime.set(time);
    }

    /** The next {@code n} requests answer HTTP 500. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** A neuron as the Node.js encoder takes it; an ip of 0 serves no axon. */
    public static Map<String, Object> neuron(int uid, int netuid, String hotkey, String coldkey, long ipv4, int port,
            boolean permit, long stake) {
        Map<String, Object> axon = Map.of("block", "100", "version", 100, "ip", Long.toString(ipv4), "port", port,
                "ip_type", 4, "protocol", 4, "placeholder1", 0, "placeholder2", 0);
        Map<String, Object> prometheus = Map.of("block", "0", "version", 0, "ip", "0", "port", 0, "ip_type", 0);
        return Map.ofEntries(Map.entry("hotkey", hotkey), Map.entry("coldkey", coldkey), Map.entry("uid", uid),
                Map.entry("netuid", netuid), Map.entry("active", true), Map.entry("axon_info", axon),
                Map.entry("prometheus_info", prometheus), Map.entry("stake", List.of(List.of(coldkey, Long.toString(stake)))),
                Map.entry("rank", 0), Map.entry("emission", "0"), Map.entry("incentive", 0), Map.entry("consensus", 0),
                Map.entry("trust", 0), Map.entry("validator_trust", 0), Map.entry("dividends", 0),
                Map.entry("last_update", "990"), Map.entry("validator_permit", permit), Map.entry("pruning_score", 0));
    }

    public static long ipv4(int a, int b, int c, int d) {
        return ((long) a << 24) | (b << 16) | (c << 8) | d;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            JsonNode request = JSON.readTree(in.readNBytes(1 << 20));
            String method = request.get("method").stringValue();
            calls.add(method);
            ObjectNode reply = JSON.createObjectNode();
            reply.put("jsonrpc", "2.0");
            reply.set("id", request.get("id"));
            try {
                reply.set("result", answer(method, request.get("params")));
            } catch (IllegalArgumentException e) {
                ObjectNode error = reply.putObject("error");
                error.put("code", -32602);
                error.put("message", e.getMessage());
            }
            byte[] body = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private JsonNode answer(String method, JsonNode params) {
        switch (method) {
            case "state_getRuntimeVersion": {
                ObjectNode v = JSON.createObjectNode();
                v.put("specName", "node-subtensor");
                v.put("specVersion", specVersion.get());
                v.put("transactionVersion", 1);
                return v;
            }
            case "chain_getFinalizedHead":
                return JSON.getNodeFactory().stringNode(hashOf(head.get()));
            case "chain_getHeader": {
                ObjectNode header = JSON.createObjectNode();
                header.put("number", "0x" + Long.toHexString(blockOf(params.get(0).stringValue())));
                header.put("parentHash", GENESIS);
                return header;
            }
            case "chain_getBlockHash": {
                long n = params.get(0).longValue();
                return n > head.get() ? JSON.nullNode() : JSON.getNodeFactory().stringNode(hashOf(n));
            }
            case "state_getStorage": {
                if (!params.get(0).stringValue().equals(io.subnet2.validator.chain.bittensor.metagraph.SubtensorReads.TIMESTAMP_NOW)) {
                    return JSON.nullNode();
                }
                long block = blockOf(params.get(1).stringValue());
                long millis = genesisTime.get().plusSeconds(12 * block).toEpochMilli();
                return JSON.getNodeFactory().stringNode(new ScaleWriter().u64(millis).toHex());
            }
            case "state_call": {
                if (!params.get(0).stringValue().equals("NeuronInfoRuntimeApi_get_neurons_lite")) {
                    throw new IllegalArgumentException("unknown runtime api " + params.get(0));
                }
                ScaleReader arg = new ScaleReader(Hex.decode(params.get(1).stringValue()));
                int asked = arg.u16();
                arg.expectEnd();
                return JSON.getNodeFactory().stringNode(asked == netuid ? neuronsHex.get() : "0x00");
            }
            default:
                throw new IllegalArgumentException("method not found: " + method);
        }
    }

    /** Block hashes encode their number so the fake needs no table: 0x + 56 zeros + 8 hex digits. */
    static String hashOf(long block) {
        return "0x" + "0".repeat(56) + String.format("%08x", block);
    }

    private static long blockOf(String hash) {
        if (hash == null || hash.length() != 66) {
            throw new IllegalArgumentException("bad block hash " + hash);
        }
        return Long.parseLong(hash.substring(58), 16);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
