package io.subnet2.validator.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.subnet2.validator.submission.SubmissionPipeline;

/** The version of a tournament's baseline: the given commit, or for a local folder a hash of its files. */
public final class Baselines {

    private Baselines() {
    }

    /**
     * @param repository a Git URL, a local folder (no "://"), or null (no baseline)
     * @param commit     the commit to use, or null: required for a URL, derived for a folder
     * @return the lower-case commit, or null when there is no baseline
     * @throws IllegalArgumentException when the folder is missing or unreadable, or a URL has no commit
     */
    public static String version(String repository, String commit) {
        if (commit != null) {
            return commit.toLowerCase(Locale.ROOT);
        }
        if (repository == null) {
            return null;
        }
        if (repository.contains("://")) {
            throw new IllegalArgumentException("a baseline repository URL needs a commit");
        }
        Path dir = Path.of(repository).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("baseline folder not found: " + dir);
        }
        try {
            return SubmissionPipeline.localVersion(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the baseline folder " + dir + ": " + e.getMessage());
        }
    }
}
