package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.PatternType;
import io.subnet2.validator.scoring.internal.ByteTable;
import io.subnet2.validator.scoring.internal.PatternVerifier;

/** Known answers per pattern type: the valid pattern and each way of being invalid. */
class PatternVerifierTest {

    @TempDir
    static Path dir;
    static ScoringDataset dataset;
    static PatternVerifier verifier;

    @BeforeAll
    static void load() throws IOException {
        DatasetLayout layout = new SmallDataset().write(dir);
        dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        verifier = new PatternVerifier(dataset.index, dataset.flagged, dataset.properties.rules());
    }

    private static InvalidReason check(PatternType type, String... addresses) {
        int[] ids = new int[addresses.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = dataset.index.names.find(new ByteTable.View().of(addresses[i].getBytes(StandardCharsets.UTF_8)));
            if (ids[i] < 0) {
                ids[i] = -2 - i;
            }
        }
        return verifier.verify(type.ordinal(), ids);
    }

    @Test
    void commonChecks() {
        assertThat(verifier.verify(-1, new int[] {0, 1})).isEqualTo(InvalidReason.UNKNOWN_TYPE);
        assertThat(check(PatternType.CYCLE, "A1")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.CYCLE, "A1", "NOBODY")).isEqualTo(InvalidReason.UNKNOWN_ADDRESS);
        assertThat(check(PatternType.CYCLE, "A1", "A2", "A1")).isEqualTo(InvalidReason.REPEATED_ADDRESS);
    }

    @Test
    void cycle() {
        assertThat(check(PatternType.CYCLE, "A1", "A2", "A3")).isNull();
        assertThat(check(PatternType.CYCLE, "A2", "A3", "A1")).isNull();
        assertThat(check(PatternType.CYCLE, "Y1", "Y2")).isNull();
        assertThat(check(PatternType.CYCLE, "A1", "A3", "A2")).isEqualTo(InvalidReason.MISSING_EDGE);
        assertThat(check(PatternType.CYCLE, "A1", "A2")).isEqualTo(InvalidReason.MISSING_EDGE);
    }

    @Test
    void layeringPath() {
        assertThat(check(PatternType.LAYERING_PATH, "L1", "L2", "L3", "L4")).isNull();
        assertThat(check(PatternType.LAYERING_PATH, "L1", "L2", "L3")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.LAYERING_PATH, "L4", "L3", "L2", "L1")).isEqualTo(InvalidReason.MISSING_EDGE);
        assertThat(check(PatternType.LAYERING_PATH, "N1", "N2", "N3", "N4"))
                .isEqualTo(InvalidReason.NOT_TIME_ORDERED);
    }

    @Test
    void motifs() {
        assertThat(check(PatternType.MOTIF_FANIN, "C", "S1", "S2", "S3")).isNull();
        assertThat(check(PatternType.MOTIF_FANIN, "C", "S1", "S2")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.MOTIF_FANIN, "S1", "C", "S2", "S3")).isEqualTo(InvalidReason.MISSING_EDGE);
        assertThat(check(PatternType.MOTIF_FANIN, "D", "R1", "R2", "R3")).isEqualTo(InvalidReason.MISSING_EDGE);
        assertThat(check(PatternType.MOTIF_FANOUT, "D", "R1", "R2", "R3")).isNull();
        assertThat(check(PatternType.MOTIF_FANOUT, "C", "S1", "S2", "S3")).isEqualTo(InvalidReason.MISSING_EDGE);
    }

    @Test
    void smurfingNetwork() {
        assertThat(check(PatternType.SMURFING_NETWORK, "M1", "M2", "M3", "M4")).isNull();
        assertThat(check(PatternType.SMURFING_NETWORK, "M4", "M1", "M3", "M2")).isNull();
        assertThat(check(PatternType.SMURFING_NETWORK, "M1", "M2")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.SMURFING_NETWORK, "M1", "M2", "M4")).isEqualTo(InvalidReason.RULE_NOT_MET);
        // connected only through an address outside the set
        assertThat(check(PatternType.SMURFING_NETWORK, "M1", "M3", "M4")).isEqualTo(InvalidReason.RULE_NOT_MET);
    }

    @Test
    void proximityRisk() {
        assertThat(check(PatternType.PROXIMITY_RISK, "P1", "P2", "F")).isNull();
        assertThat(check(PatternType.PROXIMITY_RISK, "P2", "F")).isNull();
        assertThat(check(PatternType.PROXIMITY_RISK, "P1", "Q")).isNull();
        assertThat(check(PatternType.PROXIMITY_RISK, "F")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.PROXIMITY_RISK, "F", "P2", "P1")).isEqualTo(InvalidReason.NOT_FLAGGED);
        assertThat(check(PatternType.PROXIMITY_RISK, "P1", "F")).isEqualTo(InvalidReason.MISSING_EDGE);
        // the size bound (max-addresses.proximity_risk = 7) is checked before any edge
        assertThat(check(PatternType.PROXIMITY_RISK, "Z1", "A1", "A2", "A3", "L1", "L2", "L3", "F"))
                .isEqualTo(InvalidReason.TOO_MANY_ADDRESSES);
    }

    @Test
    void temporalBurst() {
        assertThat(check(PatternType.TEMPORAL_BURST, "B", "BC1", "BC2", "BC3", "BC4", "BC5", "BC6", "BC7", "BC8",
                "BC9", "BC10")).isNull();
        assertThat(check(PatternType.TEMPORAL_BURST, "B", "BC10", "BC1")).isNull();
        assertThat(check(PatternType.TEMPORAL_BURST, "B")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        assertThat(check(PatternType.TEMPORAL_BURST, "B", "BC1", "BX")).isEqualTo(InvalidReason.RULE_NOT_MET);
        assertThat(check(PatternType.TEMPORAL_BURST, "B", "A1")).isEqualTo(InvalidReason.MISSING_EDGE);
        // D has 3 transfers only
        assertThat(check(PatternType.TEMPORAL_BURST, "D", "R1")).isEqualTo(InvalidReason.RULE_NOT_MET);
    }

    @Test
    void thresholdEvasion() {
        assertThat(check(PatternType.THRESHOLD_EVASION, "TS", "TR1", "TR2", "TR3", "TR4", "TR5")).isNull();
        assertThat(check(PatternType.THRESHOLD_EVASION, "TS", "TR3")).isNull();
        assertThat(check(PatternType.THRESHOLD_EVASION, "TS")).isEqualTo(InvalidReason.TOO_FEW_ADDRESSES);
        // 10000 is not below T = 10000, 7999.99 is below 0.8 T
        assertThat(check(PatternType.THRESHOLD_EVASION, "TS", "TRX")).isEqualTo(InvalidReason.RULE_NOT_MET);
        assertThat(check(PatternType.THRESHOLD_EVASION, "TS", "TRY")).isEqualTo(InvalidReason.RULE_NOT_MET);
        // only 3 transfers in the band
        assertThat(check(PatternType.THRESHOLD_EVASION, "D", "R1")).isEqualTo(InvalidReason.RULE_NOT_MET);
    }

    @Test
    void burstNeedsTenTransfersWithinTheWindow() throws IOException {
        // nine transfers in an hour, the tenth 61 minutes after the first
        SmallDataset custom = new SmallDataset();
        for (int i = 0; i < 9; i++) {
            custom.transfers.add(new ScoringFixtures.Transfer("W", "WC" + i, SmallDataset.T0 + i * 60_000L, 1));
        }
        custom.transfers.add(new ScoringFixtures.Transfer("W", "WC9", SmallDataset.T0 + 61 * 60_000L, 1));
        DatasetLayout layout = custom.write(dir.resolve("burst-edge"));
        ScoringDataset ds = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        PatternVerifier v = new PatternVerifier(ds.index, ds.flagged, ds.properties.rules());
        ByteTable.View view = new ByteTable.View();
        int w = ds.index.names.find(view.of("W".getBytes(StandardCharsets.UTF_8)));
        int c0 = ds.index.names.find(view.of("WC0".getBytes(StandardCharsets.UTF_8)));
        assertThat(v.verify(PatternType.TEMPORAL_BURST.ordinal(), new int[] {w, c0}))
                .isEqualTo(InvalidReason.RULE_NOT_MET);
    }
}
