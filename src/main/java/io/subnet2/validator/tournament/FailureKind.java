package io.subnet2.validator.tournament;

import jakarta.persistence.EnumeratedValue;

/** Who a failed run is charged to: the miner (scores 0) or the platform (retried, never charged). */
public enum FailureKind {
    MINER("miner"),
    PLATFORM("platform");

    @EnumeratedValue
    private final String id;

    FailureKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
