package io.subnet2.validator.chain.bittensor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.subnet2.validator.chain.bittensor.dendrite.SubmissionSynapse;
import io.subnet2.validator.chain.bittensor.keys.Sr25519;
import io.subnet2.validator.chain.bittensor.keys.Ss58;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A miner's axon applying the real axon's checks in its order (bittensor core/axon.py): headers that
 * rebuild the synapse (400), known synapse (404), blacklist (403), nonce window and sr25519 signature
 * over {@code nonce.dendrite.axon.uuid.body_hash} (401), then the miner's {@link Behaviour}: 503, 500,
 * 422, a slow answer, garbage, or the filled synapse.
 */
public final class FakeAxon implements AutoCloseable {

    public enum Behaviour { ANSWER, BUSY_503, ERROR_500, INVALID_422, SLOW, GARBAGE, HUGE, NO_SUBMISSION }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long ALLOWED_DELTA_NS = 4_000_000_000L;
    private static final List<String> REQUIRED = List.of("name", "timeout", "bt_header_dendrite_nonce",
            "bt_header_dendrite_uuid", "bt_header_dendrite_hotkey", "bt_header_dendrite_signature",
            "bt_header_axon_hotkey", "computed_body_hash", "bt_header_input_obj_tournament_id",
            "bt_header_input_obj_epoch_number");

    private final HttpServer server;
    private final String hotkey;
    private final Map<String, Long> lastNonce = new ConcurrentHashMap<>();
    /** Status of every request, in order. */
    public final List<Integer> statuses = new CopyOnWriteArrayList<>();
    public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile String repositoryUrl = "https://github.com/miner/analyzer";
    private volatile String commit = "a".repeat(40);
    private volatile Set<String> blacklist = Set.of();

    public FakeAxon(String hotkey) throws IOException {
        this.hotkey = hotkey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String hotkey() {
        return hotkey;
    }

    public FakeAxon behave(Behaviour b) {
        behaviour = b;
        return this;
    }

    public FakeAxon submit(String url, String commitHash) {
        repositoryUrl = url;
        commit = commitHash;
        return this;
    }

    public FakeAxon blacklist(Set<String> hotkeys) {
        blacklist = Set.copyOf(hotkeys);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] raw = in.readNBytes(1 << 20);
            int status = check(ex, raw);
            statuses.add(status);
            if (status != 200) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            answer(ex, JSON.readTree(raw));
        }
    }

    private int check(HttpExchange ex, byte[] raw) {
        var h = ex.getRequestHeaders();
        for (String name : REQUIRED) {
            if (h.getFirst(name) == null) {
                return 400;
            }
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (RuntimeException e) {
            return 400;
        }
        bodies.add(body);
        if (!ex.getRequestURI().getPath().equals("/" + SubmissionSynapse.NAME)
                || !SubmissionSynapse.NAME.equals(h.getFirst("name"))) {
            return 404;
        }
        String caller = h.getFirst("bt_header_dendrite_hotkey");
        if (blacklist.contains(caller)) {
            return 403;
        }
        if (!verified(h.getFirst("bt_header_dendrite_nonce"), caller, h.getFirst("bt_header_axon_hotkey"),
                h.getFirst("bt_header_dendrite_uuid"), h.getFirst("bt_header_dendrite_signature"),
                Double.parseDouble(h.getFirst("timeout")))) {
            return 401;
        }
        return switch (behaviour) {
            case BUSY_503 -> 503;
            case ERROR_500 -> 500;
            case INVALID_422 -> 422;
            default -> body.path("tournament_id").isString() && body.path("epoch_number").isIntegralNumber() ? 200 : 422;
        };
    }

    /** axon.default_verify: the body hash the axon recomputes (none required), the nonce window, the signature. */
    private boolean verified(String nonceText, String caller, String axonHotkey, String uuid, String signature,
            double timeout) {
        long nonce;
        byte[] callerKey;
        try {
            nonce = Long.parseLong(nonceText);
            callerKey = Ss58.decode(caller);
        } catch (RuntimeException e) {
            return false;
        }
        String endpoint = caller + ":" + uuid;
        Long last = lastNonce.get(endpoint);
        long now = System.currentTimeMillis() * 1_000_000L;
        if (last == null ? nonce < now - ALLOWED_DELTA_NS - (long) (timeout * 1e9) : nonce <= last) {
            return false;
        }
        if (!axonHotkey.equals(hotkey) || signature == null || !signature.startsWith("0x")) {
            return false;
        }
        String message = nonce + "." + caller + "." + hotkey + "." + uuid + "." + SubmissionSynapse.EMPTY_BODY_HASH;
        byte[] sig;
        try {
            sig = HexFormat.of().parseHex(signature.substring(2));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!Sr25519.verify(callerKey, message.getBytes(StandardCharsets.UTF_8), sig)) {
            return false;
        }
        lastNonce.put(endpoint, nonce);
        return true;
    }

    private void answer(HttpExchange ex, JsonNode request) throws IOException {
        byte[] out;
        switch (behaviour) {
            case SLOW -> {
                sleep(30_000);
                out = "{}".getBytes(StandardCharsets.UTF_8);
            }
            case GARBAGE -> out = "<html>not a synapse</html>".getBytes(StandardCharsets.UTF_8);
            case HUGE -> out = ("{\"repository_url\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> {
                ObjectNode filled = ((ObjectNode) request).deepCopy();
                if (behaviour == Behaviour.ANSWER) {
                    filled.put("repository_url", repositoryUrl);
                    filled.put("commit_hash", commit);
                }
                out = JSON.writeValueAsBytes(filled);
            }
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
