package io.subnet2.validator.tournament;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EnumeratedValue;

/**
 * Evaluation run states of spec/lifecycle.md. {@code running -> pending} is the platform-fault retry;
 * {@code pending -> failed} ends a run that can never start (its retries are used up).
 */
public enum RunStatus {
    PENDING("pending"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    TIMEOUT("timeout");

    private static final Map<RunStatus, Set<RunStatus>> NEXT = Map.of(
            PENDING, Set.of(RUNNING, FAILED),
            RUNNING, Set.of(COMPLETED, FAILED, TIMEOUT, PENDING),
            COMPLETED, Set.of(),
            FAILED, Set.of(),
            TIMEOUT, Set.of());

    @EnumeratedValue
    private final String id;

    RunStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean canMoveTo(RunStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == TIMEOUT;
    }
}
