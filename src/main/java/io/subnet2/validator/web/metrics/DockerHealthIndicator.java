package io.subnet2.validator.web.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;

import io.subnet2.validator.sandbox.DockerClients;
import io.subnet2.validator.sandbox.SandboxProperties;

/**
 * {@code /actuator/health} component "docker": UP with the engine's version and API version when it
 * answers a ping within {@link #TIMEOUT}, DOWN otherwise (no run or build can proceed without it).
 */
@Component("docker")
class DockerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final DockerClient docker;
    private final String host;
    /** One thread: a hung engine holds it, and later checks time out instead of piling up threads. */
    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "docker-health");
        thread.setDaemon(true);
        return thread;
    });

    DockerHealthIndicator(SandboxProperties sandbox) {
        super("Docker engine health check failed");
        this.host = sandbox.dockerHost() == null ? DockerClients.DEFAULT_HOST : sandbox.dockerHost();
        this.docker = DockerClients.create(sandbox.dockerHost());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("host", host);
        try {
            Version version = CompletableFuture.supplyAsync(() -> {
                docker.pingCmd().exec();
                return docker.versionCmd().exec();
            }, caller).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            builder.up().withDetail("version", version.getVersion()).withDetail("api_version", version.getApiVersion());
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            builder.down().withDetail("error", String.valueOf(e.getCause()));
        }
    }

    @Override
    public void destroy() throws Exception {
        caller.shutdownNow();
        docker.close();
    }
}
