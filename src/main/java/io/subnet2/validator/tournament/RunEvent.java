package io.subnet2.validator.tournament;

import java.util.UUID;

/**
 * Published (as a Spring application event) when a run reaches a terminal state, or goes back to
 * pending after a platform fault ({@code status} pending, {@code failureKind} platform).
 */
public record RunEvent(UUID runId, RunStatus status, FailureKind failureKind, RunOutcome outcome, String reason) {

    static RunEvent finished(UUID runId, RunOutcome outcome) {
        return new RunEvent(runId, outcome.status(), outcome.failureKind(), outcome, outcome.errorMessage());
    }
}
