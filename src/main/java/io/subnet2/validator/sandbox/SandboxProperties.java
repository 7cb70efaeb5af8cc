package io.subnet2.validator.sandbox;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Configuration of the analyzer sandbox ({@code validator.sandbox.*}); see docs/sandbox.md.
 *
 * @param dockerHost            Docker engine endpoint
 * @param seccompProfile        seccomp profile file; null uses the copy packaged in the jar
 * @param maxParallel           containers running at the same time (further runs wait)
 * @param cpus                  CPU quota per container
 * @param cpusetCpus            optional CPU pinning of every container
 * @param memoryBytes           memory limit per container (no swap)
 * @param pidsLimit             processes/threads per container
 * @param featuresTimeout       time limit of the features phase
 * @param patternsTimeout       time limit of the patterns phase
 * @param outputMaxBytes        output directory size limit
 * @param outputMaxFiles        output directory entry limit
 * @param logMaxBytes           log excerpt size
 * @param tmpSizeBytes          size of the /tmp tmpfs
 * @param fsizeBytes            per-file size limit (RLIMIT_FSIZE)
 * @param nofile                open files limit (RLIMIT_NOFILE)
 * @param watchdogPollInterval  how often the watchdog checks time and output
 * @param reaperInterval        period of the orphan container reaper
 * @param pathMapping           optional local-to-host path prefix mapping for bind mounts
 * @param runtime               engine runtime of the analyzer containers ({@code runc}, or {@code runsc} for gVisor)
 * @param uidRange              uids handed to runs, one per concurrent container, e.g. {@code 100000-165535}
 * @param holderImage           local image with {@code sleep} and {@code stat} that keeps a run's output filesystem mounted
 */
@Validated
@ConfigurationProperties(prefix = "validator.sandbox")
public record SandboxProperties(
        @Pattern(regexp = "(unix|tcp|npipe)://.+") String dockerHost,
        Path seccompProfile,
        @Min(1) @Max(64) Integer maxParallel,
        @DecimalMin(value = "0.01") @DecimalMax("1024") Double cpus,
        @Pattern(regexp = "[0-9]+([-,][0-9]+)*") String cpusetCpus,
        @Min(6 * 1024 * 1024) Long memoryBytes,
        @Min(1) Long pidsLimit,
        Duration featuresTimeout,
        Duration patternsTimeout,
        @Min(1) Long outputMaxBytes,
        @Min(1) @Max(100_000) Integer outputMaxFiles,
        @Min(2) @Max(64 * 1024 * 1024) Integer logMaxBytes,
        @Min(1) Long tmpSizeBytes,
        @Min(1) Long fsizeBytes,
        @Min(16) Long nofile,
        Duration watchdogPollInterval,
        Duration reaperInterval,
        @Valid PathMapping pathMapping,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String runtime,
        @Pattern(regexp = "[0-9]{1,10}-[0-9]{1,10}") String uidRange,
        @Pattern(regexp = "[^\\s-][^\\s]{0,254}") String holderImage) {

    public static final String DEFAULT_UID_RANGE = "100000-165535";
    public static final String DEFAULT_HOLDER_IMAGE = "subnet2-base/debian:bookworm";

    public SandboxProperties {
        SandboxLimits d = SandboxLimits.defaults();
        dockerHost = dockerHost == null || dockerHost.isBlank() ? DockerClients.DEFAULT_HOST : dockerHost;
        maxParallel = maxParallel == null ? 2 : maxParallel;
        cpus = cpus == null ? d.cpus() : cpus;
        cpusetCpus = cpusetCpus == null || cpusetCpus.isBlank() ? null : cpusetCpus;
        memoryBytes = memoryBytes == null ? d.memoryBytes() : memoryBytes;
        pidsLimit = pidsLimit == null ? d.pidsLimit() : pidsLimit;
        featuresTimeout = featuresTimeout == null ? d.featuresTimeout() : featuresTimeout;
        patternsTimeout = patternsTimeout == null ? d.patternsTimeout() : patternsTimeout;
        outputMaxBytes = outputMaxBytes == null ? d.outputMaxBytes() : outputMaxBytes;
        outputMaxFiles = outputMaxFiles == null ? d.outputMaxFiles() : outputMaxFiles;
        logMaxBytes = logMaxBytes == null ? d.logMaxBytes() : logMaxBytes;
        tmpSizeBytes = tmpSizeBytes == null ? d.tmpSizeBytes() : tmpSizeBytes;
        fsizeBytes = fsizeBytes == null ? d.fsizeBytes() : fsizeBytes;
        nofile = nofile == null ? d.nofile() : nofile;
        watchdogPollInterval = watchdogPollInterval == null ? Duration.ofMillis(250) : watchdogPollInterval;
        reaperInterval = reaperInterval == null ? Duration.ofMinutes(5) : reaperInterval;
        runtime = runtime == null || runtime.isBlank() ? "runc" : runtime;
        uidRange = uidRange == null || uidRange.isBlank() ? DEFAULT_UID_RANGE : uidRange;
        holderImage = holderImage == null || holderImage.isBlank() ? DEFAULT_HOLDER_IMAGE : holderImage;
        UidRange.parse(uidRange); // refuses a range that is empty, reversed or starts below 1000
    }

    /** All defaults (for the CLI and tests, which run without Spring). */
    public static SandboxProperties defaults() {
        return new SandboxProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The per-run limits these properties configure. */
    public SandboxLimits limits() {
        return new SandboxLimits(featuresTimeout, patternsTimeout, memoryBytes, cpus, cpusetCpus, pidsLimit,
                outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes, fsizeBytes, nofile);
    }

    /** A copy using another seccomp profile file. */
    public SandboxProperties withSeccompProfile(Path profile) {
        return new SandboxProperties(dockerHost, profile, maxParallel, cpus, cpusetCpus, memoryBytes, pidsLimit,
                featuresTimeout, patternsTimeout, outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes,
                fsizeBytes, nofile, watchdogPollInterval, reaperInterval, pathMapping, runtime, uidRange, holderImage);
    }

    /** A copy with another bind-mount path mapping. */
    public SandboxProperties withPathMapping(PathMapping mapping) {
        return new SandboxProperties(dockerHost, seccompProfile, maxParallel, cpus, cpusetCpus, memoryBytes, pidsLimit,
                featuresTimeout, patternsTimeout, outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes,
                fsizeBytes, nofile, watchdogPollInterval, reaperInterval, mapping, runtime, uidRange, holderImage);
    }

    /** A copy with another Docker endpoint. */
    public SandboxProperties withDockerHost(String host) {
        return new SandboxProperties(host, seccompProfile, maxParallel, cpus, cpusetCpus, memoryBytes, pidsLimit,
                featuresTimeout, patternsTimeout, outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes,
                fsizeBytes, nofile, watchdogPollInterval, reaperInterval, pathMapping, runtime, uidRange, holderImage);
    }

    /** A copy with another engine runtime (e.g. {@code runsc}). */
    public SandboxProperties withRuntime(String engineRuntime) {
        return new SandboxProperties(dockerHost, seccompProfile, maxParallel, cpus, cpusetCpus, memoryBytes, pidsLimit,
                featuresTimeout, patternsTimeout, outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes,
                fsizeBytes, nofile, watchdogPollInterval, reaperInterval, pathMapping, engineRuntime, uidRange,
                holderImage);
    }

    /** A copy with another uid range ({@code first-last}). */
    public SandboxProperties withUidRange(String range) {
        return new SandboxProperties(dockerHost, seccompProfile, maxParallel, cpus, cpusetCpus, memoryBytes, pidsLimit,
                featuresTimeout, patternsTimeout, outputMaxBytes, outputMaxFiles, logMaxBytes, tmpSizeBytes,
                fsizeBytes, nofile, watchdogPollInterval, reaperInterval, pathMapping, runtime, range, holderImage);
    }

    /** The uids of {@code uid-range}. */
    public UidRange uids() {
        return UidRange.parse(uidRange);
    }

    /** An inclusive uid range; the first uid is at least 1000 (never root or a system account). */
    public record UidRange(int first, int last) {

        public UidRange {
            if (first < 1000 || last < first) {
                throw new IllegalArgumentException("uid-range must be first-last with 1000 <= first <= last, not "
                        + first + "-" + last);
            }
        }

        static UidRange parse(String range) {
            String[] parts = range.split("-", 2);
            try {
                return new UidRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("uid-range must look like 100000-165535, not " + range, e);
            }
        }

        public int size() {
            return last - first + 1;
        }
    }

    /**
     * When the validator runs in a container, the directories it prepares under {@code local} are
     * {@code host} on the Docker host; bind mounts need the host's path.
     */
    public record PathMapping(Path local, Path host) {

        public PathMapping {
            if (local == null || host == null || !local.isAbsolute() || !host.isAbsolute()) {
                throw new IllegalArgumentException("path-mapping needs absolute local and host paths");
            }
            local = local.normalize();
            host = host.normalize();
        }

        /** The host path of {@code path}; paths outside {@code local} are refused. */
        public Path toHost(Path path) {
            Path normalized = path.toAbsolutePath().normalize();
            if (!normalized.startsWith(local)) {
                throw new IllegalArgumentException(path + " is outside " + local + " (path-mapping.local)");
            }
            return host.resolve(local.relativize(normalized));
        }
    }
}
