package io.subnet2.validator.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One container run of an analyzer image.
 *
 * <p>Paths are as the validator process sees them; {@link SandboxProperties.PathMapping} turns them into
 * the Docker host's paths for the bind mounts when the validator itself runs in a container.
 *
 * @param runId       identifies the run; stored in the container label {@code subnet2.run-id} (reaper)
 * @param image       image reference (local; nothing is pulled)
 * @param phase       sets {@code ANALYZER_PHASE} and selects the timeout
 * @param env         extra environment (e.g. ANALYZER_NETWORK, ANALYZER_PROCESSING_DATE); the contract's
 *                    fixed variables always win
 * @param inputDir    mounted read-only at {@code /data/input}
 * @param featuresDir optional, mounted read-only at {@code /data/features} (phase 1's output)
 * @param outputDir   created fresh and empty by the runner, mounted at {@code /data/output}
 * @param limits      resource limits
 * @param command     null runs the image's own entrypoint/command (production); tests and benchmarks may
 *                    override the command (the entrypoint, if any, still applies)
 */
public record RunSpec(
        String runId,
        String image,
        Phase phase,
        Map<String, String> env,
        Path inputDir,
        Path featuresDir,
        Path outputDir,
        SandboxLimits limits,
        List<String> command) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("runId must match " + RUN_ID.pattern());
        }
        Objects.requireNonNull(image, "image");
        if (image.isBlank() || image.length() > 255 || image.startsWith("-") || image.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("invalid image reference");
        }
        Objects.requireNonNull(phase, "phase");
        env = env == null ? Map.of() : Map.copyOf(env);
        env.forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches() || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid environment variable " + k);
            }
        });
        inputDir = absolute(Objects.requireNonNull(inputDir, "inputDir"));
        featuresDir = featuresDir == null ? null : absolute(featuresDir);
        outputDir = absolute(Objects.requireNonNull(outputDir, "outputDir"));
        Objects.requireNonNull(limits, "limits");
        command = command == null ? null : List.copyOf(command);
    }

    /** A run of the image's own entrypoint. */
    public static RunSpec of(String runId, String image, Phase phase, Map<String, String> env, Path inputDir,
            Path featuresDir, Path outputDir, SandboxLimits limits) {
        return new RunSpec(runId, image, phase, env, inputDir, featuresDir, outputDir, limits, null);
    }

    public RunSpec withCommand(List<String> newCommand) {
        return new RunSpec(runId, image, phase, env, inputDir, featuresDir, outputDir, limits, newCommand);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
