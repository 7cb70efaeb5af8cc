package io.subnet2.validator.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a sandboxed run ended. */
public enum RunStatus {
    /** Exit code 0 and a valid output directory. */
    COMPLETED,
    /** A miner fault other than the time limit; {@link FailureReason} says which. */
    FAILED,
    /** Killed on the phase's time limit. */
    TIMEOUT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
