package io.subnet2.baseline.patterns;

/** A detected pattern: address ids in the order the type's rule requires, and a confidence in [0, 1]. */
public record Pattern(String type, int[] addresses, double confidence) {

    public static final String CYCLE = "cycle";
    public static final String LAYERING_PATH = "layering_path";
    public static final String SMURFING_NETWORK = "smurfing_network";
    public static final String PROXIMITY_RISK = "proximity_risk";
    public static final String MOTIF_FANIN = "motif_fanin";
    public static final String MOTIF_FANOUT = "motif_fanout";
    public static final String TEMPORAL_BURST = "temporal_burst";
    public static final String THRESHOLD_EVASION = "threshold_evasion";

    /** Output order of the types. */
    public static final String[] TYPES = {CYCLE, LAYERING_PATH, SMURFING_NETWORK, PROXIMITY_RISK,
        MOTIF_FANIN, MOTIF_FANOUT, TEMPORAL_BURST, THRESHOLD_EVASION};

    public Pattern {
        confidence = Math.max(0, Math.min(1, confidence));
    }
}
