package io.subnet2.validator.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-run resource limits of an analyzer container (analyzer-contract.md "Limits"). A value record
 * so a tournament's config snapshot can carry the limits its runs used.
 *
 * @param featuresTimeout wall-clock limit of the features phase
 * @param patternsTimeout wall-clock limit of the patterns phase
 * @param memoryBytes     memory limit; swap is disabled (MemorySwap = Memory)
 * @param cpus            CPU quota (NanoCpus = cpus * 1e9)
 * @param cpusetCpus      optional CPU pinning, e.g. {@code "0-1"} (null = no pinning)
 * @param pidsLimit       maximum number of processes/threads in the container
 * @param outputMaxBytes  total size limit of {@code /data/output}
 * @param outputMaxFiles  entry-count limit of {@code /data/output}
 * @param logMaxBytes     stdout+stderr kept (half head, half tail); the rest is counted and dropped
 * @param tmpSizeBytes    size of the {@code /tmp} tmpfs
 * @param fsizeBytes      RLIMIT_FSIZE: largest file a process may write
 * @param nofile          RLIMIT_NOFILE: open file descriptors
 */
public record SandboxLimits(
        Duration featuresTimeout,
        Duration patternsTimeout,
        long memoryBytes,
        double cpus,
        String cpusetCpus,
        long pidsLimit,
        long outputMaxBytes,
        int outputMaxFiles,
        int logMaxBytes,
        long tmpSizeBytes,
        long fsizeBytes,
        long nofile) {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024L * MIB;

    public SandboxLimits {
        if (cpusetCpus != null && cpusetCpus.isBlank()) {
            cpusetCpus = null;
        }
        Objects.requireNonNull(featuresTimeout, "featuresTimeout");
        Objects.requireNonNull(patternsTimeout, "patternsTimeout");
        requirePositive(featuresTimeout.toMillis(), "featuresTimeout");
        requirePositive(patternsTimeout.toMillis(), "patternsTimeout");
        require(memoryBytes >= 6 * MIB, "memoryBytes must be at least 6 MiB (Docker's minimum)");
        require(cpus > 0 && cpus <= 1024, "cpus must be in (0, 1024]");
        require(cpusetCpus == null || cpusetCpus.matches("[0-9]+([-,][0-9]+)*"),
                "cpusetCpus must look like 0-1 or 0,2");
        requirePositive(pidsLimit, "pidsLimit");
        requirePositive(outputMaxBytes, "outputMaxBytes");
        requirePositive(outputMaxFiles, "outputMaxFiles");
        require(logMaxBytes >= 2, "logMaxBytes must be at least 2");
        requirePositive(tmpSizeBytes, "tmpSizeBytes");
        requirePositive(fsizeBytes, "fsizeBytes");
        require(nofile >= 16, "nofile must be at least 16");
    }

    /** The defaults of analyzer-contract.md: 300/600 s, 8 GiB, 2 CPUs, 256 pids, 2 GiB/64 files of output. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(300), Duration.ofSeconds(600), 8 * GIB, 2.0, null, 256,
                2 * GIB, 64, 256 * 1024, GIB, 2 * GIB, 1024);
    }

    public Duration timeout(Phase phase) {
        return phase == Phase.FEATURES ? featuresTimeout : patternsTimeout;
    }

    /** A copy with both phase timeouts set to {@code timeout}. */
    public SandboxLimits withTimeout(Duration timeout) {
        return new SandboxLimits(timeout, timeout, memoryBytes, cpus, cpusetCpus, pidsLimit, outputMaxBytes,
                outputMaxFiles, logMaxBytes, tmpSizeBytes, fsizeBytes, nofile);
    }

    public SandboxLimits withMemoryBytes(long bytes) {
        return new SandboxLimits(featuresTimeout, patternsTimeout, bytes, cpus, cpusetCpus, pidsLimit,
                outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes, fsizeBytes, nofile);
    }

    public SandboxLimits withOutput(long maxBytes, int maxFiles, long fsize) {
        return new SandboxLimits(featuresTimeout, patternsTimeout, memoryBytes, cpus, cpusetCpus, pidsLimit,
                maxBytes, maxFiles, logMaxBytes, tmpSizeBytes, fsize, nofile);
    }

    public SandboxLimits withLogMaxBytes(int bytes) {
        return new SandboxLimits(featuresTimeout, patternsTimeout, memoryBytes, cpus, cpusetCpus, pidsLimit,
                outputMaxBytes, outputMaxFiles, bytes, tmpSizeBytes, fsizeBytes, nofile);
    }

    private static void requirePositive(long value, String name) {
        require(value > 0, name + " must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
