package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two Engine API calls docker-java's commands cannot make, sent through docker-java's own HTTP
 * transport: {@code POST /build} with {@code cpuperiod}, {@code cpuquota} and {@code ulimits}
 * (BuildImageCmd has none of them) and a one-shot {@code GET /containers/{id}/stats} (the pids
 * count without the engine's two-sample wait). Everything else goes through docker-java's commands.
 */
final class EngineApi {

    /** The engine answered a request with an error status. */
    static final class EngineError extends IOException {
        final int status;

        EngineError(int status, String message) {
            super("engine answered " + status + ": " + message);
            this.status = status;
        }
    }

    private static final String VERSION = "/v1.41";
    private static final int MAX_ERROR_BYTES = 4096;

    private final DockerHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();

    private EngineApi(DockerHttpClient http) {
        this.http = http;
    }

    static EngineApi of(DockerClient docker) {
        if (docker instanceof DockerClientImpl impl) {
            return new EngineApi(impl.getHttpClient());
        }
        throw new IllegalArgumentException("the image builder needs a docker-java DockerClientImpl (its HTTP transport"
                + " sends /build with ulimits and a CPU quota), got " + docker.getClass().getName());
    }

    ObjectMapper json() {
        return json;
    }

    /** Starts {@code POST /build}; the caller reads and closes the streamed response. */
    DockerHttpClient.Response build(Map<String, String> query, InputStream tar) throws IOException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path(VERSION + "/build?" + encode(query))
                .putHeader("Content-Type", "application/x-tar")
                .body(tar)
                .build();
        DockerHttpClient.Response response = http.execute(request);
        if (response.getStatusCode() != 200) {
            try (response) {
                throw new EngineError(response.getStatusCode(), errorText(response));
            }
        }
        return response;
    }

    /** Processes in the container's cgroup right now; empty when the container is gone. */
    OptionalLong pids(String containerId) throws IOException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(VERSION + "/containers/" + containerId + "/stats?stream=false&one-shot=true")
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() == 404) {
                return OptionalLong.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new EngineError(response.getStatusCode(), errorText(response));
            }
            JsonNode current = json.readTree(response.getBody()).path("pids_stats").path("current");
            return current.isNumber() ? OptionalLong.of(current.asLong()) : OptionalLong.empty();
        }
    }

    private String errorText(DockerHttpClient.Response response) {
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readNBytes(MAX_ERROR_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                return json.readTree(text).path("message").asString(text);
            } catch (RuntimeException notJson) {
                return text;
            }
        } catch (IOException e) {
            return "(no body: " + e + ")";
        }
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
