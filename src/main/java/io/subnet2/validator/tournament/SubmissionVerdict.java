package io.subnet2.validator.tournament;

/** Outcome of fetching, checking and building a submission. */
public record SubmissionVerdict(SubmissionStatus status, String dockerImageTag, String imageDigest,
        String validationError, String warnings, String buildLog) {

    public SubmissionVerdict {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a verdict needs a final status, not " + status);
        }
    }
}
