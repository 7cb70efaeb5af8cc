package io.subnet2.validator.dataset;

import java.util.Optional;

/** The pattern types of analyzer-contract.md; {@link #id()} is the string written in parquet files. */
public enum PatternType {
    CYCLE("cycle"),
    LAYERING_PATH("layering_path"),
    SMURFING_NETWORK("smurfing_network"),
    PROXIMITY_RISK("proximity_risk"),
    MOTIF_FANIN("motif_fanin"),
    MOTIF_FANOUT("motif_fanout"),
    TEMPORAL_BURST("temporal_burst"),
    THRESHOLD_EVASION("threshold_evasion");

    private final String id;

    PatternType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PatternType> fromId(String id) {
        for (PatternType type : values()) {
            if (type.id.equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
