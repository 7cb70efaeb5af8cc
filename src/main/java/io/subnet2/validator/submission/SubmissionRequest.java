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
        int netuid,
        String hotkey,
        int uid,
        String repositoryUrl,
        String commitHash) {

    /** The baseline analyzer has no uid on the subnet; its image is tagged {@code baseline-...}. */
    public static final int BASELINE_UID = -1;

    public SubmissionRequest {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(tournamentId, "tournamentId");
        Objects.requireNonNull(hotkey, "hotkey");
        if (netuid < 0) {
            throw new IllegalArgumentException("netuid must not be negative: " + netuid);
        }
        if (uid < BASELINE_UID) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
    }
}
