package io.subnet2.validator.evaluate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.subnet2.validator.submission.SubmissionPipeline;
import io.subnet2.validator.submission.SubmissionRequest;

/**
 * One analyzer to build: a repository URL with its commit, or a local folder with a version standing in
 * for the commit (the folder's content hash unless a commit is given).
 */
record Analyzer(String hotkey, int uid, String url, String commit, Path folder, String version) {

    /** The uid an evaluated analyzer gets in its image tag. */
    static final int CANDIDATE_UID = 0;

    static Analyzer candidate(EvaluationOptions options, String hotkey) {
        if (options.repoIsUrl()) {
            return new Analyzer(hotkey, CANDIDATE_UID, options.repo(), options.commit(), null, null);
        }
        Path folder = folder(Path.of(options.repo()), "--repo");
        String version = options.commit() != null ? options.commit() : contentVersion(folder);
        return new Analyzer(hotkey, CANDIDATE_UID, folder.toString(), version, folder, version);
    }

    static Analyzer baseline(Path dir) {
        Path folder = folder(dir, "--baseline");
        String version = contentVersion(folder);
        return new Analyzer("baseline", SubmissionRequest.BASELINE_UID, folder.toString(), version, folder, version);
    }

    String describe() {
        return folder != null ? "folder " + folder : url + " at " + commit;
    }

    private static Path folder(Path dir, String option) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + dir + " is not a folder");
        }
        if (!Files.isRegularFile(folder.resolve("Dockerfile"))) {
            throw new IllegalArgumentException(option + " " + dir + " has no Dockerfile at its root");
        }
        return folder;
    }

    private static String contentVersion(Path folder) {
        try {
            return SubmissionPipeline.localVersion(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }
}
