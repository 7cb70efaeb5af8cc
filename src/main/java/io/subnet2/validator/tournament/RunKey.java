package io.subnet2.validator.tournament;

import java.time.LocalDate;
import java.util.Objects;

/** What a run evaluates: one epoch's dataset of one network. Unique per submission. */
public record RunKey(int epochNumber, String network, LocalDate testDate) {

    public RunKey {
        if (epochNumber < 0) {
            throw new IllegalArgumentException("epochNumber must be >= 0");
        }
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(testDate, "testDate");
    }
}
