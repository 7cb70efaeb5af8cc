package io.subnet2.validator.scoring;

/**
 * Why a reported pattern is invalid (scoring.md §2-3, integrity.md "Scoring rules"); {@link #id()} is
 * the name in score outputs.
 */
public enum InvalidReason {
    UNKNOWN_TYPE,
    TOO_FEW_ADDRESSES,
    TOO_MANY_ADDRESSES,
    UNKNOWN_ADDRESS,
    REPEATED_ADDRESS,
    MISSING_EDGE,
    NOT_TIME_ORDERED,
    NOT_FLAGGED,
    RULE_NOT_MET,
    DUPLICATE,
    BAD_CONFIDENCE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
