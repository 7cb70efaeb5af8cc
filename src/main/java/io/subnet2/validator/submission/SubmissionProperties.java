package io.subnet2.validator.submission;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and policy of the submission pipeline (fetch, static checks, image build).
 *
 * @param allowedHosts       Git hosts a repository URL may name (exact, lower-case; no subdomains)
 * @param allowLoopbackHttp  test only: also accept {@code http://HOST:PORT} for the entries of {@code loopbackHttpHosts}
 * @param loopbackHttpHosts  {@code 127.0.0.1:PORT}-style entries; refused unless every host is a loopback IP literal
 * @param maxRepoBytes       download cap of the fetch and cap of all checked-out files together
 * @param maxFiles           most files a repository may have
 * @param maxFileBytes       largest single file
 * @param fetchTimeout       wall-clock limit of the fetch
 * @param buildTimeout       wall-clock limit of {@code docker build}
 * @param buildMemoryBytes   memory (and memory+swap) limit of the build containers
 * @param maxImageBytes      largest accepted image
 * @param allowedBaseImages  patterns every FROM must match ({@code *} matches within one path segment;
 *                           a pattern without tag matches any tag or digest of that repository)
 * @param pull               let the engine pull missing base images
 * @param buildLogMaxBytes   build log kept for the miner (head and tail)
 * @param scannerRulesFile   optional JSON file replacing the built-in code scanner rules
 * @param buildArgs          values for ARGs the Dockerfiles declare (e.g. BASE_IMAGE); every RUN step can read
 *                           them and they stay in the image history, so names that look like secrets are refused
 * @param buildLimits        CPU, pids, file size and disk bounds of builds ({@link BuildLimits})
 */
@ConfigurationProperties(prefix = "validator.submission")
@Validated
public record SubmissionProperties(
        List<String> allowedHosts,
        boolean allowLoopbackHttp,
        List<String> loopbackHttpHosts,
        DataSize maxRepoBytes,
        @Positive Integer maxFiles,
        DataSize maxFileBytes,
        Duration fetchTimeout,
        Duration buildTimeout,
        DataSize buildMemoryBytes,
        DataSize maxImageBytes,
        List<String> allowedBaseImages,
        boolean pull,
        DataSize buildLogMaxBytes,
        Path scannerRulesFile,
        Map<String, String> buildArgs,
        BuildLimits buildLimits) {

    public static final List<String> DEFAULT_HOSTS = List.of("github.com", "gitlab.com");
    public static final List<String> DEFAULT_BASE_IMAGES =
            List.of("python", "eclipse-temurin", "debian", "ubuntu", "subnet2-base/*");

    private static final Pattern BUILD_ARG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|token|passw|pwd|credential|private|api_?key|auth|mnemonic|seed|wallet).*");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[0-9.]+):(\\d{1,5})");

    public SubmissionProperties {
        allowedHosts = allowedHosts == null ? DEFAULT_HOSTS
                : allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        loopbackHttpHosts = loopbackHttpHosts == null ? List.of() : List.copyOf(loopbackHttpHosts);
        maxRepoBytes = orDefault(maxRepoBytes, DataSize.ofMegabytes(100));
        maxFiles = maxFiles == null ? 2000 : maxFiles;
        maxFileBytes = orDefault(maxFileBytes, DataSize.ofMegabytes(20));
        fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(120) : fetchTimeout;
        buildTimeout = buildTimeout == null ? Duration.ofSeconds(600) : buildTimeout;
        buildMemoryBytes = orDefault(buildMemoryBytes, DataSize.ofGigabytes(4));
        maxImageBytes = orDefault(maxImageBytes, DataSize.ofGigabytes(8));
        allowedBaseImages = allowedBaseImages == null ? DEFAULT_BASE_IMAGES : List.copyOf(allowedBaseImages);
        buildLogMaxBytes = orDefault(buildLogMaxBytes, DataSize.ofKilobytes(64));
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
        buildArgs.forEach((name, value) -> {
            if (!BUILD_ARG.matcher(name).matches() || value.isBlank() || value.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("validator.submission.build-args." + name + " is not a valid build argument");
            }
            if (SECRET_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("validator.submission.build-args." + name + " looks like a secret;"
                        + " build arguments are visible to every RUN step and stored in the image history");
            }
        });
        buildLimits = buildLimits == null ? BuildLimits.defaults() : buildLimits;
        requirePositive("fetch-timeout", fetchTimeout);
        requirePositive("build-timeout", buildTimeout);
        for (DataSize size : List.of(maxRepoBytes, maxFileBytes, buildMemoryBytes, maxImageBytes, buildLogMaxBytes)) {
            if (size.toBytes() <= 0) {
                throw new IllegalArgumentException("validator.submission sizes must be positive, got " + size);
            }
        }
        if (allowLoopbackHttp) {
            loopbackHttpHosts.forEach(SubmissionProperties::requireLoopback);
        }
    }

    /** Production defaults (no loopback hosts). */
    public static SubmissionProperties defaults() {
        return new SubmissionProperties(null, false, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null);
    }

    /** Test configuration: the defaults plus plain-HTTP access to the given loopback {@code host:port} entries. */
    public static SubmissionProperties withLoopbackHosts(List<String> hostPorts) {
        return defaults().toBuilder().allowLoopbackHttp(true).loopbackHttpHosts(hostPorts).build();
    }

    /** Whether {@code host:port} (lower-case, IPv6 in brackets) may be fetched over plain HTTP. */
    public boolean isLoopbackHttpHost(String hostPort) {
        return allowLoopbackHttp && loopbackHttpHosts.contains(hostPort);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static DataSize orDefault(DataSize value, DataSize fallback) {
        return value == null ? fallback : value;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("validator.submission." + name + " must be positive, got " + value);
        }
    }

    private static void requireLoopback(String entry) {
        Matcher m = HOST_PORT.matcher(entry == null ? "" : entry);
        boolean loopback = false;
        if (m.matches()) {
            String host = m.group(1).replace("[", "").replace("]", "");
            int port = Integer.parseInt(m.group(2));
            try {
                // only IP literals reach here, so no DNS lookup happens
                loopback = port > 0 && port < 65536 && InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                loopback = false;
            }
        }
        if (!loopback) {
            throw new IllegalArgumentException("validator.submission.loopback-http-hosts entry '" + entry
                    + "' is not a loopback IP:port; allow-loopback-http only enables loopback hosts (tests)");
        }
    }

    /** Copy-with-changes for tests and tools. */
    public static final class Builder {
        private List<String> allowedHosts;
        private boolean allowLoopbackHttp;
        private List<String> loopbackHttpHosts;
        private DataSize maxRepoBytes;
        private Integer maxFiles;
        private DataSize maxFileBytes;
        private Duration fetchTimeout;
        private Duration buildTimeout;
        private DataSize buildMemoryBytes;
        private DataSize maxImageBytes;
        private List<String> allowedBaseImages;
        private boolean pull;
        private DataSize buildLogMaxBytes;
        private Path scannerRulesFile;
        private Map<String, String> buildArgs;
        private BuildLimits buildLimits;

        private Builder(SubmissionProperties p) {
            allowedHosts = p.allowedHosts;
            allowLoopbackHttp = p.allowLoopbackHttp;
            loopbackHttpHosts = p.loopbackHttpHosts;
            maxRepoBytes = p.maxRepoBytes;
            maxFiles = p.maxFiles;
            maxFileBytes = p.maxFileBytes;
            fetchTimeout = p.fetchTimeout;
            buildTimeout = p.buildTimeout;
            buildMemoryBytes = p.buildMemoryBytes;
            maxImageBytes = p.maxImageBytes;
            allowedBaseImages = p.allowedBaseImages;
            pull = p.pull;
            buildLogMaxBytes = p.buildLogMaxBytes;
            scannerRulesFile = p.scannerRulesFile;
            buildArgs = p.buildArgs;
            buildLimits = p.buildLimits;
        }

        public Builder allowedHosts(List<String> v) { allowedHosts = v; return this; }
        public Builder allowLoopbackHttp(boolean v) { allowLoopbackHttp = v; return this; }
        public Builder loopbackHttpHosts(List<String> v) { loopbackHttpHosts = v; return this; }
        public Builder maxRepoBytes(DataSize v) { maxRepoBytes = v; return this; }
        public Builder maxFiles(int v) { maxFiles = v; return this; }
        public Builder maxFileBytes(DataSize v) { maxFileBytes = v; return this; }
        public Builder fetchTimeout(Duration v) { fetchTimeout = v; return this; }
        public Builder buildTimeout(Duration v) { buildTimeout = v; return this; }
        public Builder buildMemoryBytes(DataSize v) { buildMemoryBytes = v; return this; }
        public Builder maxImageBytes(DataSize v) { maxImageBytes = v; return this; }
        public Builder allowedBaseImages(List<String> v) { allowedBaseImages = v; return this; }
        public Builder pull(boolean v) { pull = v; return this; }
        public Builder buildLogMaxBytes(DataSize v) { buildLogMaxBytes = v; return this; }
        public Builder scannerRulesFile(Path v) { scannerRulesFile = v; return this; }
        public Builder buildArgs(Map<String, String> v) { buildArgs = v; return this; }
        public Builder buildLimits(BuildLimits v) { buildLimits = v; return this; }

        public SubmissionProperties build() {
            return new SubmissionProperties(allowedHosts, allowLoopbackHttp, loopbackHttpHosts, maxRepoBytes,
                    maxFiles, maxFileBytes, fetchTimeout, buildTimeout, buildMemoryBytes, maxImageBytes,
                    allowedBaseImages, pull, buildLogMaxBytes, scannerRulesFile, buildArgs, buildLimits);
        }
    }
}
