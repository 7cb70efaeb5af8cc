package io.subnet2.validator.chain.bittensor.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC 2.0 client for substrate nodes over HTTP ({@code http(s)://}) or WebSocket ({@code ws(s)://}).
 * Calls time out; transport failures (connection, timeout, non-200, oversized or malformed reply) are
 * retried with a doubling backoff, each attempt on the next endpoint of the list; an error object from
 * the node is final. Thread-safe.
 */
public final class JsonRpcClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JsonRpcClient.class);

    private final List<URI> endpoints;
    private final List<Transport> transports;
    private final RpcSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger current = new AtomicInteger();

    public JsonRpcClient(List<URI> endpoints, RpcSettings settings) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no RPC endpoint");
        }
        this.endpoints = List.copyOf(endpoints);
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        List<Transport> list = new ArrayList<>();
        for (URI uri : this.endpoints) {
            list.add(transport(uri));
        }
        this.transports = List.copyOf(list);
    }

    private Transport transport(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                return new HttpTransport(uri, http, settings.maxReplyBytes());
            case "ws":
            case "wss":
                return new WebSocketTransport(uri, http, settings.connectTimeout(), settings.maxReplyBytes(), json);
            default:
                throw new IllegalArgumentException("RPC endpoint must be http(s):// or ws(s)://: " + uri);
        }
    }

    /** The endpoint the next call goes to first. */
    public URI currentEndpoint() {
        return endpoints.get(current.get());
    }

    public List<URI> endpoints() {
        return endpoints;
    }

    /**
     * Calls {@code method} with positional {@code params} (any values Jackson can write) and returns the
     * {@code result} member of the reply ({@code null} JSON is a {@code NullNode}).
     *
     * @throws RpcErrorException the node answered with an error object
     * @throws RpcUnavailableException no endpoint answered within the attempts allowed
     */
    public JsonNode call(String method, Object... params) {
        IOException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            int index = current.get();
            long id = ids.incrementAndGet();
            try {
                String reply = transports.get(index).exchange(id, request(id, method, params), settings.callTimeout());
                return result(method, id, reply);
            } catch (IOException e) {
                last = e;
                log.debug("{} on {} failed (attempt {}/{}): {}", method, endpoints.get(index), attempt,
                        settings.maxAttempts(), e.getMessage());
                current.compareAndSet(index, (index + 1) % endpoints.size());
                if (attempt < settings.maxAttempts()) {
                    sleep(settings.backoff(attempt));
                }
            }
        }
        throw new RpcUnavailableException(method + ": no answer from " + endpoints + " after " + settings.maxAttempts()
                + " attempts: " + (last == null ? "" : last.getMessage()), last);
    }

    private String request(long id, String method, Object[] params) {
        ObjectNode body = json.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("method", method);
        body.set("params", json.valueToTree(Arrays.asList(params)));
        return json.writeValueAsString(body);
    }

    private JsonNode result(String method, long id, String reply) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(reply);
        } catch (JacksonException e) {
            throw new IOException("reply is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IOException("reply is not a JSON object");
        }
        JsonNode replyId = node.get("id");
        if (replyId == null || !replyId.isIntegralNumber() || replyId.longValue() != id) {
            throw new IOException("reply id " + replyId + " does not match request id " + id);
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            JsonNode code = error.get("code");
            JsonNode message = error.get("message");
            throw new RpcErrorException(method, code != null && code.isIntegralNumber() ? code.longValue() : 0,
                    message != null && message.isString() ? message.stringValue() : String.valueOf(error));
        }
        if (!node.has("result")) {
            throw new IOException("reply has neither result nor error");
        }
        return node.get("result");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcUnavailableException("interrupted", e);
        }
    }

    @Override
    public void close() {
        transports.forEach(Transport::close);
    }
}
