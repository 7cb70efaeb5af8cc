package io.subnet2.validator.chain.bittensor.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON-RPC over one WebSocket connection (opened on first use, reopened after it drops); replies are
 * matched to calls by id, messages without a pending id (subscription notices) are dropped, and a message
 * larger than the reply limit closes the connection.
 */
final class WebSocketTransport implements Transport {

    private final URI uri;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final int maxReplyBytes;
    private final ObjectMapper json;
    private final Map<Long, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private WebSocket socket;

    WebSocketTransport(URI uri, HttpClient http, Duration connectTimeout, int maxReplyBytes, ObjectMapper json) {
        this.uri = uri;
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.maxReplyBytes = maxReplyBytes;
        this.json = json;
    }

    @Override
    public String exchange(long id, String request, Duration timeout) throws IOException {
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            WebSocket ws = connected();
            synchronized (ws) {
                await(ws.sendText(request, true), timeout);
            }
            return await(reply, timeout);
        } finally {
            pending.remove(id);
        }
    }

    private synchronized WebSocket connected() throws IOException {
        if (socket != null && !socket.isOutputClosed() && !socket.isInputClosed()) {
            return socket;
        }
        socket = await(http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, new Listener()),
                connectTimeout);
        return socket;
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no reply within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void failAll(Throwable cause) {
        pending.values().forEach(f -> f.completeExceptionally(cause));
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        failAll(new IOException("transport closed"));
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (message.length() + data.length() > maxReplyBytes) {
                message.setLength(0);
                ws.abort();
                failAll(new IOException("reply larger than " + maxReplyBytes + " bytes"));
                return null;
            }
            message.append(data);
            if (last) {
                deliver(message.toString());
                message.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            failAll(new IOException("connection closed: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failAll(new IOException("connection failed: " + error.getMessage(), error));
        }

        private void deliver(String text) {
            JsonNode id;
            try {
                id = json.readTree(text).get("id");
            } catch (RuntimeException e) {
                return;
            }
            if (id != null && id.isIntegralNumber()) {
                CompletableFuture<String> reply = pending.get(id.longValue());
                if (reply != null) {
                    reply.complete(text);
                }
            }
        }
    }
}
