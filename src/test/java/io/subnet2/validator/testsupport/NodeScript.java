package io.subnet2.validator.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Node.js script of {@code src/test/node/<folder>/} (an independent implementation pinned by the folder's
 * package-lock.json) with JSON on stdin and JSON on stdout. Like Docker, Node.js is required: a missing
 * {@code node} or {@code node_modules} fails the test (`.ci/run` installs both), it never skips.
 */
public final class NodeScript {

    private static final Path ROOT = Path.of("src", "test", "node");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeScript() {
    }

    public static JsonNode run(String folder, String script, Object request, Duration timeout) {
        Path dir = ROOT.resolve(folder).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            fail(dir + "/node_modules is missing: run `npm ci` there (.ci/run does it for every src/test/node/*/)");
        }
        Process process;
        try {
            process = new ProcessBuilder("node", script).directory(dir.toFile()).start();
        } catch (IOException e) {
            return fail("Node.js is needed for the cross-checks and `node` did not start (" + e.getMessage()
                    + "); install nodejs and npm (.ci/run does)");
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(request));
        } catch (IOException e) {
            process.destroyForcibly();
            return fail("writing to node " + script + " failed: " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail("node " + script + " did not answer within " + timeout);
            }
            String err = new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return fail("node " + script + " exited with " + process.exitValue() + ": " + err);
            }
            return JSON.readTree(stdout.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return fail("interrupted while waiting for node " + script);
        } catch (Exception e) {
            return fail("reading the answer of node " + script + " failed: " + e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream s = stream; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                s.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, NodeScript::daemon);
    }

    /** A thread per stream: the common pool may have a single worker here, and both pipes must drain at once. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "node-script-drain");
        thread.setDaemon(true);
        thread.start();
    }
}
