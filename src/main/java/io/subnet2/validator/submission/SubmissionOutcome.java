package io.subnet2.validator.submission;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Result of {@link SubmissionPipeline#process}: what the submission row should record.
 *
 * @param status          validated, failed (fetch or build broke) or disqualified (a rule was broken)
 * @param dockerImageTag  tag of the built image; null unless validated
 * @param imageDigest     image id ({@code sha256:...}) of the built image; null unless validated
 * @param validationError the reasons, one per line ({@code [rule-id] text: detail}); null when validated
 * @param warnings        code scanner findings of severity {@code warn} (recorded, not disqualifying)
 * @param buildLog        bounded build log (head and tail) for the miner; empty when nothing was built
 * @param retryable       true when the failure is probably not the miner's (engine error, fetch
 *                        timeout or network error): the caller may try again later
 * @param timings         time spent per step
 */
public record SubmissionOutcome(
        Status status,
        String dockerImageTag,
        String imageDigest,
        String validationError,
        List<String> warnings,
        String buildLog,
        boolean retryable,
        Timings timings) {

    public SubmissionOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        buildLog = buildLog == null ? "" : buildLog;
    }

    /** Terminal submission states this pipeline produces (lifecycle.md). */
    public enum Status {
        VALIDATED, FAILED, DISQUALIFIED;

        /** The value stored in {@code submissions.status}. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Wall-clock time of each step; zero for steps that did not run. */
    public record Timings(Duration fetch, Duration check, Duration build) {
        public static final Timings NONE = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

        public Duration total() {
            return fetch.plus(check).plus(build);
        }
    }
}
