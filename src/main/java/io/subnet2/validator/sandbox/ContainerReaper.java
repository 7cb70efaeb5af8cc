package io.subnet2.validator.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

/**
 * Removes containers (and output volumes) labelled {@code subnet2.managed=true} whose run is no longer live (a validator
 * crash, a failed removal). The module cannot know which runs are live: the caller tells it.
 */
public final class ContainerReaper {

    public static final String MANAGED_LABEL = "subnet2.managed";
    public static final String RUN_ID_LABEL = "subnet2.run-id";
    public static final String PHASE_LABEL = "subnet2.phase";

    private static final Logger log = LoggerFactory.getLogger(ContainerReaper.class);

    private final DockerClient docker;

    public ContainerReaper(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Removes (forcibly, running or not) every managed container whose run id is not live; a container
     * without a run id label is an orphan too.
     *
     * @return ids of the removed containers
     */
    public List<String> reap(LiveRuns liveRuns) {
        List<Container> managed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(MANAGED_LABEL, "true"))
                .exec();
        List<String> removed = new ArrayList<>();
        for (Container container : managed) {
            String runId = container.getLabels() == null ? null : container.getLabels().get(RUN_ID_LABEL);
            if (runId != null && liveRuns.isLive(runId)) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed.add(container.getId());
                log.info("reaped orphan sandbox container {} (run {})", container.getId(), runId);
            } catch (NotFoundException e) {
                // removed meanwhile
            } catch (RuntimeException e) {
                log.warn("cannot reap container {}: {}", container.getId(), e.getMessage());
            }
        }
        reapVolumes(liveRuns);
        return removed;
    }

    /** Output volumes (tmpfs, see docs/sandbox.md) of runs that are not live; a volume still in use stays. */
    private void reapVolumes(LiveRuns liveRuns) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(MANAGED_LABEL + "=true")).exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            String runId = volume.getLabels() == null ? null : volume.getLabels().get(RUN_ID_LABEL);
            if (runId != null && liveRuns.isLive(runId)) {
                continue;
            }
            try {
                docker.removeVolumeCmd(volume.getName()).exec();
                log.info("reaped orphan output volume {} (run {})", volume.getName(), runId);
            } catch (RuntimeException e) {
                log.debug("cannot reap volume {} yet: {}", volume.getName(), e.getMessage());
            }
        }
    }

    /**
     * Reaps now and then every {@code interval} on a daemon thread until the returned handle is closed.
     * Failures (engine down) are logged and retried at the next tick.
     */
    public AutoCloseable schedule(LiveRuns liveRuns, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-reaper");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                reap(liveRuns);
            } catch (RuntimeException e) {
                log.warn("sandbox reaper failed: {}", e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor::shutdownNow;
    }
}
