package io.subnet2.validator.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two container runs of an evaluation (analyzer-contract.md "Invocation"). */
public enum Phase {
    FEATURES,
    PATTERNS;

    /** The value of {@code ANALYZER_PHASE}: {@code features} or {@code patterns}. */
    @JsonValue
    public String envValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code features} / {@code patterns} (case-insensitive). */
    public static Phase parse(String value) {
        for (Phase phase : values()) {
            if (phase.envValue().equalsIgnoreCase(value)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + value + "' (features|patterns)");
    }
}
