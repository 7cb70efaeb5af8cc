package io.subnet2.validator.submission;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Bounds of an image build beyond its memory and time ({@code validator.submission.build-limits.*}).
 * The classic builder takes CPU, memory and ulimits for its step containers but no pids or disk
 * limit; those are enforced by the build watchdog, which polls the running step's container
 * (docs/sandbox.md "Build-side attacks").
 *
 * @param cpus             CPU quota of every build step container (cpu period 100 ms)
 * @param cpusetCpus       optional CPU pinning of build step containers ({@code 0-1}, {@code 2,3})
 * @param pids             processes of one build step: the watchdog stops the build above it; also the
 *                         step's RLIMIT_NPROC, which the kernel applies to non-root steps only
 * @param fileBytes        RLIMIT_FSIZE of build steps: the largest file a step can write
 * @param diskBytes        writable layer of one build step (the engine's apparent size), checked by the watchdog
 * @param minFreeDisk      free space of the engine's disk below which the watchdog stops a build; checked only
 *                         when the engine's root directory ({@code DockerRootDir}) is visible to the validator
 * @param watchdogInterval how often the watchdog looks at the running step
 */
public record BuildLimits(
        Double cpus,
        String cpusetCpus,
        Integer pids,
        DataSize fileBytes,
        DataSize diskBytes,
        DataSize minFreeDisk,
        Duration watchdogInterval) {

    public BuildLimits {
        cpus = cpus == null ? 1.0 : cpus;
        cpusetCpus = cpusetCpus == null || cpusetCpus.isBlank() ? null : cpusetCpus.strip();
        pids = pids == null ? 1024 : pids;
        fileBytes = fileBytes == null ? DataSize.ofGigabytes(2) : fileBytes;
        diskBytes = diskBytes == null ? DataSize.ofGigabytes(8) : diskBytes;
        minFreeDisk = minFreeDisk == null ? DataSize.ofGigabytes(2) : minFreeDisk;
        watchdogInterval = watchdogInterval == null ? Duration.ofMillis(250) : watchdogInterval;
        String prefix = "validator.submission.build-limits.";
        if (cpus < 0.01 || cpus > 1024) {
            throw new IllegalArgumentException(prefix + "cpus must be within 0.01..1024, got " + cpus);
        }
        if (cpusetCpus != null && !cpusetCpus.matches("[0-9]+([-,][0-9]+)*")) {
            throw new IllegalArgumentException(prefix + "cpuset-cpus is not a CPU list: " + cpusetCpus);
        }
        if (pids < 16) {
            throw new IllegalArgumentException(prefix + "pids must be at least 16, got " + pids);
        }
        if (fileBytes.toBytes() <= 0 || diskBytes.toBytes() <= 0 || minFreeDisk.toBytes() < 0) {
            throw new IllegalArgumentException(prefix + "file-bytes and disk-bytes must be positive, min-free-disk not negative");
        }
        if (watchdogInterval.toMillis() < 10) {
            throw new IllegalArgumentException(prefix + "watchdog-interval must be at least 10 ms, got " + watchdogInterval);
        }
    }

    public static BuildLimits defaults() {
        return new BuildLimits(null, null, null, null, null, null, null);
    }

    /** CPU quota in microseconds per {@link #CPU_PERIOD_MICROS}. */
    public long cpuQuotaMicros() {
        return Math.round(cpus * CPU_PERIOD_MICROS);
    }

    public static final long CPU_PERIOD_MICROS = 100_000;
}
