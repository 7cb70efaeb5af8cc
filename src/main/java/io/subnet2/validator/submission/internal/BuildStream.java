package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.transport.DockerHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * A running {@code POST /build}: a daemon thread reads the engine's JSON message stream into the
 * bounded log and keeps the build's error message. {@link #close()} drops the connection, which
 * makes the engine cancel the build and remove its step container.
 */
final class BuildStream implements AutoCloseable {

    private final DockerHttpClient.Response response;
    private final BoundedLog log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String error;
    private volatile Exception readFailure;
    private volatile boolean closing;

    private BuildStream(DockerHttpClient.Response response, BoundedLog log) {
        this.response = response;
        this.log = log;
    }

    static BuildStream start(EngineApi api, Map<String, String> query, InputStream tar, BoundedLog log)
            throws IOException {
        BuildStream stream = new BuildStream(api.build(query, tar), log);
        Thread reader = new Thread(() -> stream.read(api), "image-build-stream");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read(EngineApi api) {
        try (InputStream body = response.getBody();
                MappingIterator<JsonNode> messages = api.json().readerFor(JsonNode.class).readValues(body)) {
            while (messages.hasNextValue()) {
                accept(messages.nextValue());
            }
        } catch (Exception e) {
            if (!closing) {
                readFailure = e;
            }
        } finally {
            ended.countDown();
        }
    }

    private void accept(JsonNode message) {
        JsonNode stream = message.path("stream");
        if (stream.isString()) {
            log.append(stream.asString());
        } else if (message.path("status").isString()) {
            log.append(message.path("status").asString() + "\n");
        }
        String detail = message.path("errorDetail").path("message").asString(null);
        String text = detail != null ? detail : message.path("error").asString(null);
        if (text != null || message.has("error")) {
            error = text == null || text.isBlank() ? "build error" : text;
            log.append("ERROR: " + error + "\n");
        }
    }

    /** Waits up to {@code millis} for the engine to end the stream; true when it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The engine's error message, or null when the build succeeded (or has not ended). */
    String error() {
        return error;
    }

    /** Why the stream could not be read (connection lost, not JSON); null when it was read to its end. */
    Exception readFailure() {
        return readFailure;
    }

    @Override
    public void close() {
        closing = true;
        response.close();
    }
}
