package io.subnet2.validator.scoring;

/**
 * Wall-clock seconds of the two analyzer phases as timed by the validator; null when not known.
 * A timed-out phase scores 0 for performance.
 */
public record PhaseTimes(Double featuresSeconds, Double patternsSeconds, boolean featuresTimedOut,
                         boolean patternsTimedOut) {

    public static PhaseTimes unknown() {
        return new PhaseTimes(null, null, false, false);
    }

    public static PhaseTimes of(Double featuresSeconds, Double patternsSeconds) {
        return new PhaseTimes(featuresSeconds, patternsSeconds, false, false);
    }

    /** features + patterns seconds, or null when either is unknown. */
    public Double totalSeconds() {
        return featuresSeconds == null || patternsSeconds == null ? null : featuresSeconds + patternsSeconds;
    }
}
