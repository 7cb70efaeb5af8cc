package io.subnet2.validator.tournament;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EnumeratedValue;

/**
 * Submission states of spec/lifecycle.md. Any state may go back to {@code pending}: a miner replaced
 * its submission, or validation was interrupted by a platform fault and is retried.
 */
public enum SubmissionStatus {
    PENDING("pending"),
    VALIDATING("validating"),
    VALIDATED("validated"),
    FAILED("failed"),
    DISQUALIFIED("disqualified");

    private static final Map<SubmissionStatus, Set<SubmissionStatus>> NEXT = Map.of(
            PENDING, Set.of(VALIDATING),
            VALIDATING, Set.of(VALIDATED, FAILED, DISQUALIFIED, PENDING),
            VALIDATED, Set.of(PENDING),
            FAILED, Set.of(PENDING),
            DISQUALIFIED, Set.of(PENDING));

    @EnumeratedValue
    private final String id;

    SubmissionStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean canMoveTo(SubmissionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Validation has finished, whatever its verdict. */
    public boolean isFinal() {
        return this == VALIDATED || this == FAILED || this == DISQUALIFIED;
    }
}
