package io.subnet2.validator.chain.bittensor.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subtensor node for the weights tests: JSON-RPC over HTTP for the calls the publisher makes, answered from
 * a storage map and a block counter the test drives. Every submitted extrinsic goes through {@link WeightRules}
 * (decoding, signature, era, nonce, then the runtime's weight checks) before it is pooled; {@link #produceBlock()}
 * dispatches the pool as the runtime would.
 */
final class FakeSubtensor implements AutoCloseable {

    static final long SPEC_VERSION = 425;
    static final long TX_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final int netuid;
    final Map<String, byte[]> storage = new ConcurrentHashMap<>();
    final Map<String, Long> nonces = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final WeightRules rules;
    final AtomicInteger failNext = new AtomicInteger();
    /** Pool errors to answer the next submissions with, before any check (code, message). */
    final List<Object[]> poolErrors = new CopyOnWriteArrayList<>();
    volatile long head = 100;
    volatile Long nextEpochStart = null;
    private final HttpServer server;

    FakeSubtensor(int netuid) throws IOException {
        this.netuid = netuid;
        this.rules = new WeightRules(this);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static byte[] hashOf(long block) {
        return Blake2b.hash256(ByteBuffer.allocate(8).putLong(block).array());
    }

    /** Includes the pool in a new block (the runtime's dispatch checks apply) and moves the head on. */
    synchronized void produceBlock() {
        head++;
        rules.dispatchPool(head);
    }

    void advance(int blocks) {
        for (int i = 0; i < blocks; i++) {
            produceBlock();
        }
    }

    // --- storage helpers (SCALE values under the real keys) ---

    void put(String key, byte[] value) {
        storage.put(key, value);
    }

    void register(byte[] hotkey, int uid, boolean permit) {
        put(StorageKeys.uid(netuid, hotkey), new ScaleWriter().u16(uid).toByteArray());
        List<Boolean> permits = new ArrayList<>();
        for (int i = 0; i <= uid; i++) {
            permits.add(i == uid && permit);
        }
        put(StorageKeys.byNetuid("ValidatorPermit", netuid), new ScaleWriter().vec(permits, ScaleWriter::bool).toByteArray());
    }

    void setLastUpdate(int uid, long block) {
        List<Long> updates = new ArrayList<>(lastUpdates());
        while (updates.size() <= uid) {
            updates.add(0L);
        }
        updates.set(uid, block);
        put(StorageKeys.lastUpdate(netuid), new ScaleWriter().vec(updates, ScaleWriter::u64).toByteArray());
    }

    List<Long> lastUpdates() {
        byte[] v = storage.get(StorageKeys.lastUpdate(netuid));
        return v == null ? List.of() : new io.subnet2.validator.chain.bittensor.scale.ScaleReader(v).vec(8, r -> r.u64());
    }

    long u64(String key, long absent) {
        byte[] v = storage.get(key);
        return v == null ? absent : ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    void setU64(String key, long value) {
        put(key, new ScaleWriter().u64(value).toByteArray());
    }

    void setU16(String key, int value) {
        put(key, new ScaleWriter().u16(value).toByteArray());
    }

    void setBool(String key, boolean value) {
        put(key, new ScaleWriter().bool(value).toByteArray());
    }

    // --- JSON-RPC ---

    private void handle(HttpExchange exchange) throws IOException {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in.readAllBytes());
        }
        String method = request.get("method").asString();
        calls.add(method);
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", request.get("id").asLong());
        try {
            reply.set("result", JSON.valueToTree(answer(method, request.get("params"))));
        } catch (WeightRules.Rejected e) {
            reply.putObject("error").put("code", e.code).put("message", e.getMessage());
        }
        byte[] body = JSON.writeValueAsBytes(reply);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized Object answer(String method, JsonNode params) {
        return switch (method) {
            case "chain_getFinalizedHead" -> Hex.encode(hashOf(head));
            case "chain_getHeader" -> Map.of("number", "0x" + Long.toHexString(blockOf(params.get(0).asString())));
            case "chain_getBlockHash" -> Hex.encode(hashOf(params.get(0).asLong()));
            case "state_getRuntimeVersion" -> Map.of("specName", "node-subtensor", "specVersion", SPEC_VERSION,
                    "transactionVersion", TX_VERSION);
            case "state_getStorage" -> {
                byte[] v = storage.get(params.get(0).asString());
                yield v == null ? null : Hex.encode(v);
            }
            case "state_call" -> stateCall(params.get(0).asString());
            case "system_accountNextIndex" -> nonces.getOrDefault(params.get(0).asString(), 0L);
            case "author_submitExtrinsic" -> {
                if (!poolErrors.isEmpty()) {
                    Object[] error = poolErrors.remove(0);
                    throw new WeightRules.Rejected((Integer) error[0], (String) error[1]);
                }
                yield rules.submit(Hex.decode(params.get(0).asString()));
            }
            default -> throw new WeightRules.Rejected(-32601, "Method not found: " + method);
        };
    }

    private Object stateCall(String api) {
        if (!api.equals("SubnetInfoRuntimeApi_get_next_epoch_start_block")) {
            throw new WeightRules.Rejected(-32000, "unknown runtime api " + api);
        }
        Long next = nextEpochStart;
        return next == null ? "0x00" : Hex.encode(new ScaleWriter().u8(1).u64(next).toByteArray());
    }

    private long blockOf(String hash) {
        for (long n = head; n >= 0; n--) {
            if (Hex.encode(hashOf(n)).equals(hash)) {
                return n;
            }
        }
        throw new WeightRules.Rejected(-32000, "unknown block " + hash);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
