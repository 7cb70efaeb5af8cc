package io.subnet2.validator.chain.bittensor.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** JSON-RPC over HTTP POST (substrate nodes answer on the same port as their WebSocket). */
final class HttpTransport implements Transport {

    private final URI uri;
    private final HttpClient http;
    private final int maxReplyBytes;

    HttpTransport(URI uri, HttpClient http, int maxReplyBytes) {
        this.uri = uri;
        this.http = http;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public String exchange(long id, String request, Duration timeout) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build();
        HttpResponse<String> response;
        try {
            response = http.send(post, info -> BoundedBody.of(info, maxReplyBytes));
        } catch (HttpTimeoutException e) {
            throw new IOException("no reply within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        // the HttpClient is shared by the client's transports and closed with it
    }
}
