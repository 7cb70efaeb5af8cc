package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;

/** The upstream per-family files of analyzer-contract.md are read when patterns.parquet is absent. */
class CompatLayoutTest {

    @TempDir
    Path dir;

    private static final Schema EVIDENCE = ScoringFixtures.record("evidence", "cycle_addresses:list",
            "path_addresses:list");

    private static Schema family(boolean withType) {
        return family(withType, false);
    }

    private static Schema family(boolean withType, boolean withConfidence) {
        List<Schema.Field> fields = new java.util.ArrayList<>();
        fields.add(new Schema.Field("pattern_id", Schema.create(Schema.Type.STRING)));
        if (withType) {
            fields.add(new Schema.Field("pattern_type", Schema.create(Schema.Type.STRING)));
        }
        fields.add(new Schema.Field("addresses_involved", Schema.createArray(Schema.create(Schema.Type.STRING))));
        fields.add(new Schema.Field("evidence", EVIDENCE));
        if (withConfidence) {
            fields.add(new Schema.Field("confidence_score", Schema.create(Schema.Type.DOUBLE)));
        }
        return Schema.createRecord("family", null, null, false, fields);
    }

    private static void write(Path file, boolean withType, String[][] rows) throws IOException {
        write(file, withType, rows, null);
    }

    /** Rows of {id, type, addresses_involved, cycle path, path}; {@code confidence} per row, or no such column. */
    private static void write(Path file, boolean withType, String[][] rows, double[] confidence) throws IOException {
        Schema schema = family(withType, confidence != null);
        int index = 0;
        try (ParquetWriter<GenericRecord> writer = ScoringFixtures.writer(file, schema)) {
            for (String[] row : rows) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("pattern_id", row[0]);
                if (withType) {
                    r.put("pattern_type", row[1]);
                }
                r.put("addresses_involved", List.of(row[2].split(",")));
                GenericRecord evidence = new GenericData.Record(EVIDENCE);
                evidence.put("cycle_addresses", row[3].isEmpty() ? List.of() : List.of(row[3].split(",")));
                evidence.put("path_addresses", row[4].isEmpty() ? List.of() : List.of(row[4].split(",")));
                r.put("evidence", evidence);
                if (confidence != null) {
                    r.put("confidence_score", confidence[index++]);
                }
                writer.write(r);
            }
        }
    }

    @Test
    void readsFamilyFilesUsingTheOrderedEvidencePath() throws IOException {
        RunScore score = scoreFamilies(out -> write(out.resolve("patterns_cycle.parquet"), false, new String[][] {
            {"c1", "", "A1,A2,A3", "A2,A3,A1", ""}}));
        assertThat(score.counts().patternsReported()).isEqualTo(6);
        assertThat(score.counts().patternsValid()).isEqualTo(5);
        // l2 has the same type and address set as l1
        assertThat(score.counts().invalidByReason()).containsEntry("duplicate", 1);
        assertThat(score.counts().instancesFound()).isEqualTo(5);
        // no confidence anywhere: one group, the duplicate's miss before the five hits
        assertThat(score.patternAccuracy()).isCloseTo((1.0 / 2 + 2.0 / 3 + 3.0 / 4 + 4.0 / 5 + 5.0 / 6) / 8,
                within(1e-12));
    }

    @Test
    void rankingUsesConfidenceScoreWhereAFamilyFileHasIt() throws IOException {
        RunScore score = scoreFamilies(out -> write(out.resolve("patterns_cycle.parquet"), false, new String[][] {
            {"c1", "", "A1,A2,A3", "A2,A3,A1", ""},
            {"novel", "", "Y1,Y2", "Y1,Y2", ""}}, new double[] {0.2, 0.9}));
        assertThat(score.counts().patternsReported()).isEqualTo(7);
        assertThat(score.counts().instancesFound()).isEqualTo(5);
        // novel (0.9) miss | c1 (0.2) hit | the other files, confidence 0: l2's miss, then four hits
        assertThat(score.patternAccuracy()).isCloseTo((1.0 / 2 + 2.0 / 4 + 3.0 / 5 + 4.0 / 6 + 5.0 / 7) / 8,
                within(1e-12));
    }

    private interface CycleFile {
        void write(Path out) throws IOException;
    }

    private RunScore scoreFamilies(CycleFile cycles) throws IOException {
        SmallDataset small = new SmallDataset();
        DatasetLayout layout = small.write(dir.resolve("dataset"));
        Path out = dir.resolve("out");
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), ScoringFixtures.honestFeatures(small.transfers));
        cycles.write(out);
        write(out.resolve("patterns_layering.parquet"), true, new String[][] {
            {"l1", "layering_path", "L4,L3,L2,L1", "", "L1,L2,L3,L4"},
            {"l2", "layering_path", "L4,L3,L2,L1", "", ""}});
        write(out.resolve("patterns_motif.parquet"), true, new String[][] {
            {"m1", "motif_fanin", "C,S1,S2,S3", "", ""},
            {"m2", "motif_fanout", "D,R1,R2,R3", "", ""}});
        write(out.resolve("patterns_burst.parquet"), false, new String[][] {
            {"b1", "", "B,BC1,BC2,BC3,BC4,BC5,BC6", "", ""}});
        ScoringDataset dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        RunScore score = RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.minerFault()).as(score.error()).isFalse();
        return score;
    }
}
