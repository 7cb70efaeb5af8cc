package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.submission.BuildLimits;

/**
 * Watches the step containers of one running build and stops the build when a step passes the
 * pids or writable-layer limit, or the engine's disk runs low. The classic builder names no step
 * container the validator could trust (the "Running in" lines share the stream with the miner's
 * own output), so every build carries a unique extra host entry ({@link #marker()}) that only the
 * builder can put into a container's HostConfig: a running container is this build's step exactly
 * when its HostConfig.ExtraHosts holds the marker.
 */
final class BuildWatchdog {

    /** Why the watchdog stopped the build. */
    record Breach(Rule rule, String detail) {
    }

    private static final Logger log = LoggerFactory.getLogger(BuildWatchdog.class);

    private final DockerClient docker;
    private final EngineApi api;
    private final BuildLimits limits;
    private final String marker;
    private final Path engineRoot;
    private final Set<String> steps = new LinkedHashSet<>();
    private final Set<String> others = new HashSet<>();
    private long peakPids;
    private long peakLayerBytes;

    /** @param engineRoot the engine's root directory when the validator can see it, else null */
    BuildWatchdog(DockerClient docker, EngineApi api, BuildLimits limits, String marker, Path engineRoot) {
        this.docker = docker;
        this.api = api;
        this.limits = limits;
        this.marker = marker;
        this.engineRoot = engineRoot;
    }

    /** The extra-hosts entry that marks this build's step containers. */
    String marker() {
        return marker;
    }

    long peakPids() {
        return peakPids;
    }

    long peakLayerBytes() {
        return peakLayerBytes;
    }

    /** One look at the build; a breach also kills the offending step containers. */
    Optional<Breach> check() {
        try {
            Optional<Breach> breach = lowDisk();
            if (breach.isEmpty()) {
                findSteps();
                breach = checkSteps();
            }
            breach.ifPresent(b -> killSteps());
            return breach;
        } catch (DockerException | IOException e) {
            log.debug("build watchdog could not look at the engine: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Kills every step container of this build that is still running (timeout, breach). */
    void killSteps() {
        try {
            findSteps();
        } catch (DockerException e) {
            log.debug("build watchdog could not list containers: {}", e.toString());
        }
        for (String id : steps) {
            try {
                docker.killContainerCmd(id).exec();
            } catch (NotFoundException e) {
                // already gone
            } catch (DockerException e) {
                log.debug("build step {} not killed: {}", id, e.toString());
            }
        }
    }

    private Optional<Breach> lowDisk() throws IOException {
        if (engineRoot == null || limits.minFreeDisk().toBytes() == 0) {
            return Optional.empty();
        }
        long free = Files.getFileStore(engineRoot).getUsableSpace();
        if (free < limits.minFreeDisk().toBytes()) {
            return Optional.of(new Breach(Rule.BUILD_ENGINE_DISK, free + " bytes free on the engine's disk (floor "
                    + limits.minFreeDisk().toBytes() + ")"));
        }
        return Optional.empty();
    }

    private void findSteps() {
        List<Container> running = docker.listContainersCmd().exec();
        for (Container c : running) {
            String id = c.getId();
            if (steps.contains(id) || others.contains(id)) {
                continue;
            }
            try {
                String[] hosts = docker.inspectContainerCmd(id).exec().getHostConfig().getExtraHosts();
                (hosts != null && List.of(hosts).contains(marker) ? steps : others).add(id);
            } catch (NotFoundException e) {
                others.add(id);
            }
        }
    }

    private Optional<Breach> checkSteps() throws IOException {
        for (String id : steps) {
            OptionalLong pids = api.pids(id);
            if (pids.isPresent()) {
                peakPids = Math.max(peakPids, pids.getAsLong());
                if (pids.getAsLong() > limits.pids()) {
                    return Optional.of(new Breach(Rule.BUILD_PIDS, pids.getAsLong() + " processes (limit "
                            + limits.pids() + ")"));
                }
            }
            Long layer = layerBytes(id);
            if (layer != null) {
                peakLayerBytes = Math.max(peakLayerBytes, layer);
                if (layer > limits.diskBytes().toBytes()) {
                    return Optional.of(new Breach(Rule.BUILD_DISK, layer + " bytes written (limit "
                            + limits.diskBytes().toBytes() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    private Long layerBytes(String id) {
        try {
            InspectContainerResponse inspect = docker.inspectContainerCmd(id).withSize(true).exec();
            return inspect.getSizeRw();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
