package io.subnet2.validator.tournament;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EnumeratedValue;

/**
 * Submission states of spec/lifecycle.md. Any state may go back to {@code pending}: a miner replaced
 * its submission, or validation was interrupted by a platform fault and is retried. Any state may end in
 * {@code deregistered}, which nothing leaves.
 */
public enum SubmissionStatus {
    PENDING("pending"),
    VALIDATING("validating"),
    VALIDATED("validated"),
    FAILED("failed"),
    DISQUALIFIED("disqualified"),
    /** The hotkey no longer holds its uid on the subnet (bittensor mode): kept for history, never used again. */
    DEREGISTERED("deregistered");

    private static final Map<SubmissionStatus, Set<SubmissionStatus>> NEXT = Map.of(
            PENDING, Set.of(VALIDATING, DEREGISTERED),
            VALIDATING, Set.of(VALIDATED, FAILED, DISQUALIFIED, PENDING, DEREGISTERED),
            VALIDATED, Set.of(PENDING, DEREGISTERED),
            FAILED, Set.of(PENDING, DEREGISTERED),
            DISQUALIFIED, Set.of(PENDING, DEREGISTERED),
            DEREGISTERED, Set.of());

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
