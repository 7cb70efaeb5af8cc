package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.dockerfile.Dockerfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.submission.BuildLimits;
import io.subnet2.validator.submission.ExecutionSlots;
import io.subnet2.validator.submission.SubmissionProperties;

/**
 * {@code docker build} with the classic builder through the Engine API: first every image the
 * build names must be local and free of ONBUILD triggers and VOLUMEs ({@link LocalImages}); then,
 * holding an {@link ExecutionSlots} permit, {@code POST /build} without pull (unless configured),
 * RUN steps with network {@code none}, memory, a CPU quota and ulimits (nproc, fsize, nofile,
 * core 0), a wall-clock limit and a {@link BuildWatchdog} for pids, disk and the engine's free
 * space; a bounded log; the built image checked for size and VOLUMEs (removed when refused).
 */
public final class ImageBuilder {

    /** The built image: id ({@code sha256:...}) and size in bytes. */
    public record Built(String imageId, long size) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImageBuilder.class);
    private static final int FAILURE_TAIL = 2000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    /** Exit status of a shell whose command was killed by SIGXFSZ (128 + 25). */
    private static final String FILE_SIZE_EXIT = "returned a non-zero code: 153";

    private final DockerClient docker;
    private final EngineApi api;
    private final LocalImages localImages;
    private final ExecutionSlots slots;
    private final SubmissionProperties properties;
    private final BuildLimits limits;
    private volatile Path engineRoot;
    private volatile boolean engineRootKnown;

    public ImageBuilder(DockerClient docker, SubmissionProperties properties, ExecutionSlots slots) {
        this.docker = docker;
        this.api = EngineApi.of(docker);
        this.localImages = new LocalImages(docker);
        this.slots = slots;
        this.properties = properties;
        this.limits = properties.buildLimits();
    }

    /** Builds {@code context} as {@code tag}; {@code images} are the images its Dockerfile names. */
    public Built build(Path context, String tag, Map<String, String> labels, Set<String> images, BoundedLog buildLog)
            throws Rejection {
        Map<String, String> baseIds = localImages.check(images);
        log.debug("build of {} on local images {}", tag, baseIds);
        try (ExecutionSlots.Permit permit = slots.acquire()) {
            String previousId = imageId(tag);
            runBuild(context, tag, labels, buildLog);
            return inspectBuilt(tag, previousId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejection(Violation.of(Rule.BUILD_ENGINE, "interrupted"));
        }
    }

    private void runBuild(Path context, String tag, Map<String, String> labels, BoundedLog buildLog)
            throws Rejection, InterruptedException {
        BuildWatchdog watchdog = new BuildWatchdog(docker, api, limits,
                "subnet2-build-" + UUID.randomUUID() + ":127.0.0.1", engineRoot());
        BuildWatchdog.Breach breach = null;
        long deadline = System.nanoTime() + properties.buildTimeout().toNanos();
        try (InputStream tar = new Dockerfile(context.resolve("Dockerfile").toFile(), context.toFile()).parse()
                .buildDockerFolderTar();
                BuildStream stream = BuildStream.start(api, query(tag, labels, watchdog.marker()), tar, buildLog)) {
            while (!stream.awaitEnd(limits.watchdogInterval().toMillis())) {
                if (System.nanoTime() > deadline) {
                    watchdog.killSteps();
                    throw failure(Rule.BUILD_TIMEOUT, "limit " + properties.buildTimeout().toSeconds() + " s", buildLog);
                }
                breach = watchdog.check().orElse(null);
                if (breach != null) {
                    stream.awaitEnd(STOP_WAIT.toMillis());
                    break;
                }
            }
            log.debug("build of {}: peak {} processes, {} bytes written by a step", tag, watchdog.peakPids(),
                    watchdog.peakLayerBytes());
            if (breach != null) {
                throw failure(breach.rule(), breach.detail(), buildLog);
            }
            if (stream.error() != null) {
                Rule rule = stream.error().contains(FILE_SIZE_EXIT) ? Rule.BUILD_FILE_SIZE : Rule.BUILD_FAILED;
                throw failure(rule, stream.error(), buildLog);
            }
            if (stream.readFailure() != null) {
                throw new Rejection(Violation.of(Rule.BUILD_ENGINE, "build stream broke: " + stream.readFailure()));
            }
        } catch (EngineApi.EngineError e) {
            // the engine refused the request (bad Dockerfile syntax, unknown instruction, ...)
            throw failure(Rule.BUILD_FAILED, e.getMessage(), buildLog);
        } catch (IOException | RuntimeException e) {
            log.warn("docker build of {} broke", tag, e);
            throw new Rejection(Violation.of(Rule.BUILD_ENGINE, e.toString()));
        }
    }

    private Map<String, String> query(String tag, Map<String, String> labels, String marker) throws IOException {
        var json = api.json();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("t", tag);
        q.put("labels", json.writeValueAsString(labels));
        q.put("buildargs", json.writeValueAsString(properties.buildArgs()));
        if (properties.pull()) {
            q.put("pull", "1");
        }
        q.put("rm", "1");
        q.put("forcerm", "1");
        q.put("networkmode", "none");
        q.put("memory", Long.toString(properties.buildMemoryBytes().toBytes()));
        q.put("memswap", Long.toString(properties.buildMemoryBytes().toBytes()));
        q.put("cpuperiod", Long.toString(BuildLimits.CPU_PERIOD_MICROS));
        q.put("cpuquota", Long.toString(limits.cpuQuotaMicros()));
        if (limits.cpusetCpus() != null) {
            q.put("cpusetcpus", limits.cpusetCpus());
        }
        q.put("ulimits", json.writeValueAsString(List.of(
                ulimit("nproc", limits.pids()), ulimit("fsize", limits.fileBytes().toBytes()),
                ulimit("nofile", 1024), ulimit("core", 0))));
        q.put("extrahosts", marker);
        return q;
    }

    private static Map<String, Object> ulimit(String name, long value) {
        return Map.of("Name", name, "Soft", value, "Hard", value);
    }

    /** The engine's root directory when this process sees it (same host), else null; asked once. */
    private Path engineRoot() {
        if (!engineRootKnown) {
            try {
                String root = docker.infoCmd().exec().getDockerRootDir();
                Path path = root == null ? null : Path.of(root);
                engineRoot = path != null && Files.isDirectory(path) ? path : null;
                if (engineRoot == null) {
                    log.warn("the engine's root directory {} is not visible here: builds are not stopped when the"
                            + " engine's disk runs low (validator.submission.build-limits.min-free-disk)", root);
                }
                engineRootKnown = true;
            } catch (DockerException e) {
                log.debug("engine info failed: {}", e.toString());
            }
        }
        return engineRoot;
    }

    private Built inspectBuilt(String tag, String previousId) throws Rejection {
        InspectImageResponse image;
        try {
            image = docker.inspectImageCmd(tag).exec();
        } catch (NotFoundException e) {
            throw new Rejection(Violation.of(Rule.BUILD_FAILED, "no image tagged " + tag + " after the build"));
        } catch (RuntimeException e) {
            throw new Rejection(Violation.of(Rule.BUILD_ENGINE, e.toString()));
        }
        long size = image.getSize() == null ? 0 : image.getSize();
        List<Violation> refused = LocalImages.configViolations("built image", image.getConfig());
        if (size > properties.maxImageBytes().toBytes()) {
            refused = List.of(Violation.of(Rule.BUILD_IMAGE_TOO_LARGE,
                    size + " bytes (limit " + properties.maxImageBytes().toBytes() + ")"));
        }
        if (!refused.isEmpty()) {
            removeQuietly(image.getId(), true);
            throw new Rejection(refused);
        }
        if (previousId != null && !previousId.equals(image.getId())) {
            removeQuietly(previousId, false); // the earlier build of this tag, now untagged
        }
        return new Built(image.getId(), size);
    }

    /** Id of the image {@code reference} names, or null. */
    public String imageId(String reference) {
        try {
            return docker.inspectImageCmd(reference).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }

    void removeQuietly(String image, boolean force) {
        try {
            docker.removeImageCmd(image).withForce(force).exec();
        } catch (RuntimeException e) {
            log.debug("image {} not removed: {}", image, e.toString());
        }
    }

    private static Rejection failure(Rule rule, String message, BoundedLog buildLog) {
        String tail = buildLog.tail(FAILURE_TAIL).strip();
        String detail = (message == null ? "" : message.strip()) + (tail.isEmpty() ? "" : "\n--- end of build log ---\n" + tail);
        return new Rejection(Violation.of(rule, detail));
    }
}
