package io.subnet2.validator.sandbox.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ulimit;

import io.subnet2.validator.sandbox.ContainerReaper;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxLimits;

/** Creates the hardened container of a run (spec/sandbox.md "Run"); every option is set here and only here. */
public final class ContainerFactory {

    public static final String INPUT = "/data/input";
    public static final String FEATURES = "/data/features";
    public static final String OUTPUT = "/data/output";
    /** Paths of the contract that an image VOLUME must not cover with a tmpfs (they are mounted already). */
    private static final Set<String> OWN_MOUNTS = Set.of(INPUT, FEATURES, OUTPUT, "/tmp");

    private final DockerClient docker;
    private final String seccompJson;
    private final UnaryOperator<Path> toHost;
    private final String runtime;

    /**
     * @param seccompJson the profile's JSON text (not a path: the Engine API does not read files)
     * @param toHost      maps the validator's paths to the Docker host's paths for bind mounts
     * @param runtime     the engine runtime of analyzer containers (runc, runsc)
     */
    public ContainerFactory(DockerClient docker, String seccompJson, UnaryOperator<Path> toHost, String runtime) {
        this.docker = docker;
        this.seccompJson = seccompJson;
        this.toHost = toHost;
        this.runtime = runtime;
    }

    public String runtime() {
        return runtime;
    }

    /**
     * Creates (does not start) the container as {@code uid}, writing its output to {@code output};
     * returns its id.
     */
    public String create(RunSpec spec, int uid, Mount output) {
        try (CreateContainerCmd cmd = docker.createContainerCmd(spec.image())) {
            cmd.withUser(uid + ":" + uid)
                    .withEnv(environment(spec))
                    .withLabels(labels(spec, spec.phase().envValue()))
                    .withNetworkDisabled(true)
                    .withHostName("analyzer")
                    .withAttachStdin(false)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withTty(false)
                    .withStdinOpen(false)
                    .withHostConfig(hostConfig(spec, output, imageVolumes(spec.image())));
            if (spec.command() != null) {
                cmd.withCmd(spec.command());
            }
            return cmd.exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("image " + spec.image() + " not found locally", e);
        } catch (BadRequestException e) {
            if (String.valueOf(e.getMessage()).contains("No command specified")) {
                throw new ImageStartFailure("the image has no entrypoint or command");
            }
            throw new SandboxException("cannot create container for " + spec.image() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SandboxException("cannot create container for " + spec.image() + ": " + e.getMessage(), e);
        }
    }

    /** The image itself cannot be run: a miner fault, reported as {@code start_failed}. */
    public static final class ImageStartFailure extends RuntimeException {
        public ImageStartFailure(String message) {
            super(message);
        }
    }

    /**
     * The image's declared VOLUMEs: each gets a bounded tmpfs, so the engine creates no anonymous
     * volume (writable, unbounded, on the host's disk) despite the read-only root.
     */
    private Set<String> imageVolumes(String image) {
        Map<String, ?> declared;
        try {
            var config = docker.inspectImageCmd(image).exec().getConfig();
            declared = config == null ? null : config.getVolumes();
        } catch (NotFoundException e) {
            throw new SandboxException("image " + image + " not found locally", e);
        }
        Set<String> paths = new TreeSet<>();
        if (declared != null) {
            for (String path : declared.keySet()) {
                String normalized = Path.of("/").resolve(path).normalize().toString();
                if (!normalized.equals("/") && !OWN_MOUNTS.contains(normalized)) {
                    paths.add(normalized);
                }
            }
        }
        return paths;
    }

    HostConfig hostConfig(RunSpec spec, Mount output, Set<String> imageVolumes) {
        SandboxLimits limits = spec.limits();
        List<Mount> mounts = new ArrayList<>();
        mounts.add(bind(spec.inputDir(), INPUT, true));
        if (spec.featuresDir() != null) {
            mounts.add(bind(spec.featuresDir(), FEATURES, true));
        }
        mounts.add(output);
        Map<String, String> tmpfs = new LinkedHashMap<>();
        tmpfs.put("/tmp", "rw,nosuid,nodev,size=" + limits.tmpSizeBytes());
        imageVolumes.forEach(v -> tmpfs.put(v, "rw,nosuid,nodev,noexec,size=" + limits.tmpSizeBytes()));
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withPrivileged(false)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges", "seccomp=" + seccompJson))
                .withIpcMode("private")
                .withPidsLimit(limits.pidsLimit())
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000d))
                .withUlimits(List.of(new Ulimit("nofile", limits.nofile(), limits.nofile()),
                        new Ulimit("fsize", limits.fsizeBytes(), limits.fsizeBytes()),
                        new Ulimit("core", 0L, 0L)))
                .withTmpFs(tmpfs)
                .withRuntime(runtime)
                .withMounts(mounts)
                // stdout/stderr are read through attach; nothing is written to the host's disk
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        if (limits.cpusetCpus() != null) {
            host.withCpusetCpus(limits.cpusetCpus());
        }
        return host;
    }

    private Mount bind(Path localPath, String target, boolean readOnly) {
        return new Mount().withType(MountType.BIND)
                .withSource(toHost.apply(localPath).toString())
                .withTarget(target)
                .withReadOnly(readOnly);
    }

    static List<String> environment(RunSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("ANALYZER_PHASE", spec.phase().envValue());
        env.put("ANALYZER_INPUT_TYPE", "parquet");
        env.put("ANALYZER_INPUT_PATH", INPUT);
        env.put("ANALYZER_OUTPUT_TYPE", "parquet");
        env.put("ANALYZER_OUTPUT_PATH", OUTPUT);
        env.put("ANALYZER_FEATURES_PATH", FEATURES);
        env.put("TZ", "UTC");
        env.putIfAbsent("HOME", "/tmp");
        List<String> list = new ArrayList<>(env.size());
        env.forEach((k, v) -> list.add(k + "=" + v));
        return list;
    }

    /** The reaper's labels; {@code role} is the phase, or {@code holder} for an output volume and its holder. */
    static Map<String, String> labels(RunSpec spec, String role) {
        return Map.of(ContainerReaper.MANAGED_LABEL, "true",
                ContainerReaper.RUN_ID_LABEL, spec.runId(),
                ContainerReaper.PHASE_LABEL, role);
    }
}
