package io.subnet2.validator.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

import io.subnet2.validator.sandbox.internal.ContainerFactory;
import io.subnet2.validator.sandbox.internal.ContainerSession;
import io.subnet2.validator.sandbox.internal.OutputDirs;
import io.subnet2.validator.sandbox.internal.OutputVolume;
import io.subnet2.validator.sandbox.internal.UidPool;
import io.subnet2.validator.sandbox.internal.SeccompProfiles;

/**
 * Runs untrusted analyzer images in hardened containers (spec/sandbox.md "Run"): creates the container,
 * streams a bounded log, enforces the time and output limits with a watchdog, checks the output after
 * exit and always removes the container. At most {@code max-parallel} runs execute at once; more wait.
 *
 * <p>{@link #run} blocks the calling thread for the duration of the run. Miner faults are results
 * ({@link RunStatus}); a {@link SandboxException} means the sandbox itself could not work.
 */
public final class SandboxRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxRunner.class);

    private final DockerClient docker;
    private final boolean ownsClient;
    private final ContainerFactory factory;
    private final ContainerReaper reaper;
    private final UidPool uids;
    private final String seccompJson;
    private final String holderImage;
    private final Duration pollInterval;
    private final Semaphore slots;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** A runner with its own Docker client for {@code properties.dockerHost()}; {@link #close()} closes it. */
    public static SandboxRunner create(SandboxProperties properties) {
        return new SandboxRunner(DockerClients.create(properties.dockerHost()), properties, true);
    }

    /** A runner on a caller-owned client. */
    public SandboxRunner(DockerClient docker, SandboxProperties properties) {
        this(docker, properties, false);
    }

    private SandboxRunner(DockerClient docker, SandboxProperties properties, boolean ownsClient) {
        this.docker = docker;
        this.ownsClient = ownsClient;
        SandboxProperties.PathMapping mapping = properties.pathMapping();
        UnaryOperator<Path> toHost = mapping == null ? UnaryOperator.identity() : mapping::toHost;
        this.seccompJson = SeccompProfiles.load(properties.seccompProfile());
        this.factory = new ContainerFactory(docker, seccompJson, toHost, properties.runtime());
        this.uids = new UidPool(properties.uids());
        this.holderImage = properties.holderImage();
        this.reaper = new ContainerReaper(docker);
        this.pollInterval = properties.watchdogPollInterval();
        this.slots = new Semaphore(properties.maxParallel(), true);
    }

    /** Runs one phase; blocks until the container has exited and has been removed. */
    public SandboxResult run(RunSpec spec) {
        OutputDirs.requireDirectory(spec.inputDir(), "input dir");
        if (spec.featuresDir() != null) {
            OutputDirs.requireDirectory(spec.featuresDir(), "features dir");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a sandbox slot", e);
        }
        inFlight.merge(spec.runId(), 1, Integer::sum);
        int uid = uids.acquire(spec.runId());
        try {
            OutputDirs.prepareOutput(spec.outputDir());
            try (OutputVolume output = OutputVolume.create(docker, spec, uid, holderImage, seccompJson)) {
                return execute(spec, uid, output);
            }
        } finally {
            uids.release(uid);
            inFlight.computeIfPresent(spec.runId(), (k, n) -> n == 1 ? null : n - 1);
            slots.release();
        }
    }

    private SandboxResult execute(RunSpec spec, int uid, OutputVolume output) {
        String containerId;
        try {
            containerId = factory.create(spec, uid, output.mount(false));
        } catch (ContainerFactory.ImageStartFailure e) {
            return ContainerSession.startFailed(spec, e.getMessage(), null, 0);
        }
        try {
            SandboxResult result = new ContainerSession(docker, containerId, spec, pollInterval, output).execute();
            log.info("sandbox run {} {} uid {}: {} {} exit={} {}s log={}B ({})", spec.runId(),
                    spec.phase().envValue(), uid, result.status().code(),
                    result.reason() == null ? "" : result.reason().code(), result.exitCode(),
                    String.format("%.3f", result.wallSeconds()), result.logBytesTotal(), result.detail());
            return result;
        } finally {
            remove(containerId);
        }
    }

    /**
     * Checks that the engine has the configured runtime ({@code docker info}'s runtimes) and the holder
     * image; throws {@link IllegalStateException} naming the property when either is missing.
     */
    public void checkEngine() {
        var runtimes = docker.infoCmd().exec().getRuntimes();
        if (runtimes == null || !runtimes.containsKey(factory.runtime())) {
            throw new IllegalStateException("validator.sandbox.runtime=" + factory.runtime()
                    + " is not a runtime of the Docker engine (it has " + (runtimes == null ? "none" : runtimes.keySet())
                    + "); register it in /etc/docker/daemon.json, see docs/sandbox.md");
        }
        try {
            docker.inspectImageCmd(holderImage).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("validator.sandbox.holder-image " + holderImage
                    + " is not a local image of the Docker engine", e);
        }
    }

    /** True while a run with this id executes in this runner (the reaper never takes its containers). */
    public boolean isRunning(String runId) {
        return inFlight.containsKey(runId);
    }

    /** Removes orphaned managed containers: neither live for the caller nor running here. */
    public List<String> reapOrphans(LiveRuns liveRuns) {
        return reaper.reap(runId -> isRunning(runId) || liveRuns.isLive(runId));
    }

    /** {@link #reapOrphans} now and every {@code interval}; close the handle to stop. */
    public AutoCloseable scheduleReaper(LiveRuns liveRuns, Duration interval) {
        return reaper.schedule(runId -> isRunning(runId) || liveRuns.isLive(runId), interval);
    }

    private void remove(String containerId) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
                return;
            } catch (NotFoundException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("removing container {} failed (attempt {}): {}", containerId, attempt, e.getMessage());
                sleepQuietly(200L * attempt);
            }
        }
        log.error("container {} left behind; the reaper will remove it", containerId);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        if (ownsClient) {
            docker.close();
        }
    }
}
