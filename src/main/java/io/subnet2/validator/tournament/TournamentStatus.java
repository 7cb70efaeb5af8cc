package io.subnet2.validator.tournament;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EnumeratedValue;

/** Tournament states of spec/lifecycle.md; {@link #id()} is the stored value. */
public enum TournamentStatus {
    PENDING("pending"),
    REGISTRATION("registration"),
    ACTIVE("active"),
    SCORING("scoring"),
    COMPLETED("completed"),
    FAILED("failed");

    private static final Map<TournamentStatus, Set<TournamentStatus>> NEXT = Map.of(
            PENDING, Set.of(REGISTRATION, FAILED),
            REGISTRATION, Set.of(ACTIVE, FAILED),
            ACTIVE, Set.of(SCORING, FAILED),
            SCORING, Set.of(COMPLETED, FAILED),
            COMPLETED, Set.of(),
            FAILED, Set.of());

    @EnumeratedValue
    private final String id;

    TournamentStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean canMoveTo(TournamentStatus next) {
        return NEXT.get(this).contains(next);
    }
}
