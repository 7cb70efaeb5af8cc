package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker build} through docker-java's Engine API call (classic builder): no pull unless
 * configured, RUN steps with network mode {@code none} and a memory limit, a wall-clock limit
 * after which the build stream is closed (the engine cancels a build whose client went away),
 * a bounded log, and the image size checked against the cap (an oversized image is removed).
 */
public final class ImageBuilder {

    /** The built image: id ({@code sha256:...}) and size in bytes. */
    public record Built(String imageId, long size) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImageBuilder.class);
    private static final int FAILURE_TAIL = 2000;

    private final DockerClient docker;
    private final Duration timeout;
    private final long memoryBytes;
    private final long maxImageBytes;
    private final boolean pull;
    private final Map<String, String> buildArgs;

    public ImageBuilder(DockerClient docker, Duration timeout, long memoryBytes, long maxImageBytes, boolean pull,
            Map<String, String> buildArgs) {
        this.buildArgs = Map.copyOf(buildArgs);
        this.docker = docker;
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
        this.maxImageBytes = maxImageBytes;
        this.pull = pull;
    }

    public Built build(Path context, String tag, Map<String, String> labels, BoundedLog buildLog) throws Rejection {
        String previousId = imageId(tag);
        BuildCallback callback = new BuildCallback(buildLog);
        try {
            var command = docker.buildImageCmd(context.toFile());
            buildArgs.forEach(command::withBuildArg);
            command
                    .withTags(Set.of(tag))
                    .withLabels(labels)
                    .withPull(pull)
                    .withNoCache(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withNetworkMode("none")
                    .withMemory(memoryBytes)
                    .withMemswap(memoryBytes)
                    .exec(callback);
            boolean finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                callback.close();
                throw failure(Rule.BUILD_TIMEOUT, "limit " + timeout.toSeconds() + " s", buildLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new Rejection(Violation.of(Rule.BUILD_ENGINE, "interrupted"));
        } catch (DockerException e) {
            // the engine answered with an error status (bad Dockerfile syntax, missing base image, ...)
            throw failure(Rule.BUILD_FAILED, e.getMessage(), buildLog);
        } catch (IOException | RuntimeException e) {
            log.warn("docker build of {} broke", tag, e);
            throw new Rejection(Violation.of(Rule.BUILD_ENGINE, e.toString()));
        }
        if (callback.error != null) {
            throw failure(Rule.BUILD_FAILED, callback.error, buildLog);
        }
        return inspectBuilt(tag, previousId);
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
        if (size > maxImageBytes) {
            removeQuietly(image.getId(), true);
            throw new Rejection(Violation.of(Rule.BUILD_IMAGE_TOO_LARGE, size + " bytes (limit " + maxImageBytes + ")"));
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

    private static void closeQuietly(BuildCallback callback) {
        try {
            callback.close();
        } catch (IOException e) {
            log.debug("closing build stream failed", e);
        }
    }

    private static final class BuildCallback extends ResultCallback.Adapter<BuildResponseItem> {
        private final BoundedLog buildLog;
        private volatile String error;

        BuildCallback(BoundedLog buildLog) {
            this.buildLog = buildLog;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                buildLog.append(item.getStream());
            } else if (item.getStatus() != null) {
                buildLog.append(item.getStatus() + "\n");
            }
            if (item.isErrorIndicated()) {
                String message = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                error = message == null ? "build error" : message;
                buildLog.append("ERROR: " + error + "\n");
            }
        }
    }
}
