package io.subnet2.validator.evaluate.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subnet2.validator.dataset.GenerationRequest;

/**
 * What to evaluate and how.
 *
 * @param repo              a local folder with a Dockerfile, or a repository URL (checked by the URL policy)
 * @param commit            full SHA; required for a URL, optional for a folder (its content hash stands in)
 * @param transfers         size of the generated dataset
 * @param seed              dataset seed (the secret is random per evaluation, as a validator's is unknown)
 * @param baselineDir       folder of the baseline analyzer, or null to score performance at parity
 * @param buildArgs         build arguments of the analyzer's image
 * @param baselineBuildArgs build arguments of the baseline's image
 * @param workDir           where the dataset and outputs go; null for a temporary folder
 * @param keep              keep the work folder and the images afterwards
 */
public record EvaluationOptions(String repo, String commit, long transfers, long seed, Path baselineDir,
                                Map<String, String> buildArgs, Map<String, String> baselineBuildArgs, Path workDir,
                                boolean keep) {

    public EvaluationOptions {
        if (repo == null || repo.isBlank()) {
            throw new IllegalArgumentException("--repo must name a folder or a repository URL");
        }
        if (transfers < GenerationRequest.MIN_TRANSFERS || transfers > GenerationRequest.MAX_TRANSFERS) {
            throw new IllegalArgumentException("--transfers must be in [" + GenerationRequest.MIN_TRANSFERS + ", "
                    + GenerationRequest.MAX_TRANSFERS + "]");
        }
        if (isUrl(repo) && commit == null) {
            throw new IllegalArgumentException("--commit is required with a repository URL");
        }
        buildArgs = Map.copyOf(buildArgs);
        baselineBuildArgs = Map.copyOf(baselineBuildArgs);
    }

    public boolean repoIsUrl() {
        return isUrl(repo);
    }

    private static boolean isUrl(String repo) {
        return repo.contains("://");
    }

    /** {@code NAME=VALUE} entries to a map (the submission properties check names and values). */
    public static Map<String, String> buildArgs(List<String> entries) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("build argument must be NAME=VALUE: " + entry);
            }
            args.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return args;
    }
}
