package io.subnet2.validator.sandbox;

import java.net.URI;
import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * Builds docker-java clients for the local engine. The API version is pinned to 1.41 (Docker 20.10,
 * Debian 12's docker.io), which newer engines accept too.
 */
public final class DockerClients {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {
    }

    /** A client for {@code dockerHost} (e.g. {@code unix:///var/run/docker.sock}); null or blank means the default. */
    public static DockerClient create(String dockerHost) {
        String host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withApiVersion(RemoteApiVersion.VERSION_1_41)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofMinutes(30))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** A client for {@code DOCKER_HOST} from the environment, else the default socket. */
    public static DockerClient fromEnvironment() {
        return create(System.getenv("DOCKER_HOST"));
    }
}
