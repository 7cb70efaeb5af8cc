package io.subnet2.validator.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;

import io.subnet2.validator.sandbox.ContainerReaper;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxLimits;

/**
 * The size-capped filesystem a phase writes its output to: a Docker volume of the local driver
 * backed by tmpfs ({@code size} = the output byte limit, {@code nr_inodes} = the entry limit + 1,
 * owned by the run's uid, nosuid/nodev/noexec), so the kernel refuses the byte or file past the cap
 * whatever the writer does (fallocate, holes, many small files) and nothing reaches the validator's
 * disk. The local driver unmounts such a volume when no container uses it, so a tiny holder
 * container (its own image, {@code sleep}) keeps it mounted from before the start until the output
 * is copied out through the Engine API; it also answers {@code stat -f} for the allocated space.
 * Both are labelled like the phase container and reaped with it.
 */
public final class OutputVolume implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutputVolume.class);
    private static final String MOUNT = ContainerFactory.OUTPUT;

    private final DockerClient docker;
    private final String name;
    private final int uid;
    private String holderId;

    /** Usage of the filesystem from statfs: what the writer allocated, not the files' apparent sizes. */
    public record Usage(long totalBytes, long freeBytes, long totalInodes, long freeInodes) {
        public long usedBytes() {
            return totalBytes - freeBytes;
        }

        /** No room left for one more page or one more file. */
        public boolean full(long pageBytes) {
            return freeBytes < pageBytes || freeInodes == 0;
        }
    }

    private OutputVolume(DockerClient docker, String name, int uid) {
        this.docker = docker;
        this.name = name;
        this.uid = uid;
    }

    /** Creates the volume and starts its holder; closing removes both. */
    public static OutputVolume create(DockerClient docker, RunSpec spec, int uid, String holderImage,
            String seccompJson) {
        SandboxLimits limits = spec.limits();
        String name = "subnet2-out-" + spec.runId() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String options = "size=" + limits.outputMaxBytes() + ",nr_inodes=" + (limits.outputMaxFiles() + 1)
                + ",uid=" + uid + ",gid=" + uid + ",mode=0700,nosuid,nodev,noexec";
        OutputVolume volume = new OutputVolume(docker, name, uid);
        try {
            docker.createVolumeCmd().withName(name).withDriver("local")
                    .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", options))
                    .withLabels(ContainerFactory.labels(spec, "holder")).exec();
            volume.startHolder(spec, holderImage, seccompJson);
            return volume;
        } catch (RuntimeException e) {
            volume.close();
            if (e instanceof SandboxException sandbox) {
                throw sandbox;
            }
            throw new SandboxException("cannot create the output filesystem of " + spec.runId() + ": "
                    + e.getMessage(), e);
        }
    }

    private void startHolder(RunSpec spec, String image, String seccompJson) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withCapDrop(com.github.dockerjava.api.model.Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges", "seccomp=" + seccompJson))
                .withPidsLimit(16L)
                .withMemory(64L << 20)
                .withMemorySwap(64L << 20)
                .withNanoCPUs(200_000_000L)
                .withMounts(List.of(mount(true)))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        try (CreateContainerCmd cmd = docker.createContainerCmd(image)) {
            holderId = cmd.withUser(uid + ":" + uid).withNetworkDisabled(true).withEntrypoint(List.of())
                    .withCmd("sleep", "infinity").withLabels(ContainerFactory.labels(spec, "holder"))
                    .withHostConfig(host).exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("holder image " + image + " not found locally (validator.sandbox.holder-image)", e);
        }
        docker.startContainerCmd(holderId).exec();
    }

    /** The volume, for the phase container: mounted read-write at {@code /data/output}. */
    public Mount mount(boolean readOnly) {
        return new Mount().withType(MountType.VOLUME).withSource(name).withTarget(MOUNT).withReadOnly(readOnly);
    }

    public String name() {
        return name;
    }

    /** statfs of the filesystem, through {@code stat -f} in the holder. */
    public Usage usage() {
        String out = exec(List.of("stat", "-f", "-c", "%S %b %f %c %d", MOUNT)).trim();
        String[] f = out.split("\\s+");
        if (f.length != 5) {
            throw new SandboxException("cannot read the usage of output volume " + name + ": " + out);
        }
        long block = Long.parseLong(f[0]);
        return new Usage(block * Long.parseLong(f[1]), block * Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]));
    }

    /** Copies the output's regular files into {@code dest} within the limits (see {@link OutputScan}). */
    public OutputScan copyOut(Path dest, int maxEntries, long maxBytes) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(holderId, MOUNT).exec()) {
            return OutputScan.extract(tar, dest, maxEntries, maxBytes);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("cannot copy the output of volume " + name + " to " + dest + ": "
                    + e.getMessage(), e);
        }
    }

    private String exec(List<String> command) {
        String execId = docker.execCreateCmd(holderId).withUser(uid + ":" + uid).withAttachStdout(true)
                .withAttachStderr(true).withCmd(command.toArray(String[]::new)).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (out.size() < 4096) {
                    out.writeBytes(frame.getPayload());
                }
            }
        };
        try {
            if (!docker.execStartCmd(execId).exec(callback).awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new SandboxException("stat in the holder of " + name + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (holderId != null) {
            try {
                docker.removeContainerCmd(holderId).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone
            } catch (RuntimeException e) {
                log.warn("cannot remove holder {} of {}: {}; the reaper will", holderId, name, e.getMessage());
            }
        }
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // gone or never created
        } catch (RuntimeException e) {
            log.warn("cannot remove output volume {}: {}; the reaper will", name, e.getMessage());
        }
    }
}
