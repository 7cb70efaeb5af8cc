package io.subnet2.validator.dataset;

/**
 * One row of {@code ground_truth.parquet}. The rows of an instance are written consecutively in the
 * canonical order of its type's rule (scoring.md §2): cycle and layering in path order, motifs and
 * threshold_evasion with the center first, proximity_risk from the target to the flagged address.
 * {@code hopDistance}, {@code flaggedAddress} and {@code flagType} are null except for proximity_risk.
 */
public record GroundTruthRow(String address, String role, String patternType, String patternInstanceId,
                             Integer hopDistance, String flaggedAddress, String flagType) {

    /** cycle members. */
    public static final String MEMBER = "member";
    /** layering_path first address, smurfing_network source. */
    public static final String SOURCE = "source";
    /** layering_path and proximity_risk addresses between the ends. */
    public static final String INTERMEDIATE = "intermediate";
    /** layering_path last address. */
    public static final String SINK = "sink";
    /** motif_fanin/fanout, temporal_burst and threshold_evasion subject address. */
    public static final String CENTER = "center";
    /** motif_fanin senders and motif_fanout receivers. */
    public static final String SPOKE = "spoke";
    public static final String SMURF = "smurf";
    public static final String COLLECTOR = "collector";
    /** proximity_risk address at hopDistance from the flagged address. */
    public static final String TARGET = "target";
    /** proximity_risk flagged address (hopDistance 0). */
    public static final String FLAGGED = "flagged";
    /** temporal_burst counterparts. */
    public static final String COUNTERPART = "counterpart";
    /** threshold_evasion receivers. */
    public static final String RECEIVER = "receiver";

    public PatternType type() {
        return PatternType.fromId(patternType)
                .orElseThrow(() -> new IllegalStateException("unknown pattern_type " + patternType));
    }
}
