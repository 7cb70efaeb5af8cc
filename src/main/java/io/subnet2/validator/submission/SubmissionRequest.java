package io.subnet2.validator.submission;

import java.util.Objects;
import java.util.UUID;

/**
 * What a miner submitted for a tournament. The URL and commit are untrusted and checked by
 * {@link SubmissionPipeline}; only the ids must be present.
 */
public record SubmissionRequest(
        UUID submissionId,
        UUID tournamentId,
        String hotkey,
        int uid,
        String repositoryUrl,
        String commitHash) {

    public SubmissionRequest {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(tournamentId, "tournamentId");
        Objects.requireNonNull(hotkey, "hotkey");
        if (uid < 0) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
    }
}
