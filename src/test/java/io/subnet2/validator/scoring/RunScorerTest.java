package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.ScoringFixtures.Feature;
import io.subnet2.validator.scoring.ScoringFixtures.Pattern;

/** Recall, precision, average precision, novelty, performance and the run score on the hand-built dataset. */
class RunScorerTest {

    @TempDir
    static Path dir;
    static SmallDataset small;
    static DatasetLayout layout;
    static ScoringDataset dataset;

    @BeforeAll
    static void load() throws IOException {
        small = new SmallDataset();
        layout = small.write(dir.resolve("dataset"));
        dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
    }

    private static Path output(String name, List<Pattern> patterns) throws IOException {
        Path out = dir.resolve(name);
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), ScoringFixtures.honestFeatures(small.transfers));
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), patterns);
        return out;
    }

    @Test
    void honestOutputScoresFullAccuracy() throws IOException {
        Path out = dir.resolve("honest");
        small.writeHonestOutput(out);
        RunScore score = RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.error()).isNull();
        assertThat(score.dataCorrect()).isTrue();
        assertThat(score.minerFault()).isFalse();
        assertThat(score.counts().instancesCounted()).isEqualTo(8);
        assertThat(score.counts().instancesFound()).isEqualTo(8);
        assertThat(score.counts().patternsReported()).isEqualTo(8);
        assertThat(score.counts().patternsValid()).isEqualTo(8);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.patternAccuracy()).isEqualTo(1.0);
        assertThat(score.performance()).isEqualTo(0.5);
        assertThat(score.finalScore()).isCloseTo(0.5 + 0.3 + 0.2 * 0.5, within(1e-12));
    }

    @Test
    void anInstanceIsFoundByAPatternCoveringHalfOfIt() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        patterns.add(small.honest.get("cycle-1"));
        patterns.add(small.honest.get("fanin-1"));
        // covers B and 4 of 10 counterparts: 5 of 11 addresses, below 50%
        patterns.add(new Pattern("b", "temporal_burst", List.of("B", "BC1", "BC2", "BC3", "BC4")));
        // covers TS and TR1, TR2 = 3 of 6 addresses: exactly 50%, found
        patterns.add(new Pattern("t", "threshold_evasion", List.of("TS", "TR1", "TR2")));
        RunScore score = RunScorer.score(dataset, output("recall", patterns), PhaseTimes.unknown(),
                PhaseTimes.unknown());
        assertThat(score.counts().patternsValid()).isEqualTo(4);
        assertThat(score.counts().instancesFound()).isEqualTo(3);
        assertThat(score.recall()).isEqualTo(3.0 / 8);
        assertThat(score.precision()).isEqualTo(3.0 / 4);
        // one confidence: the burst miss counts before the three hits
        assertThat(score.patternAccuracy()).isCloseTo((1.0 / 2 + 2.0 / 3 + 3.0 / 4) / 8, within(1e-12));
        assertThat(score.recallByType()).containsEntry("cycle", new TypeRecall(1, 1, 1.0))
                .containsEntry("temporal_burst", new TypeRecall(1, 0, 0.0))
                .containsEntry("threshold_evasion", new TypeRecall(1, 1, 1.0)).hasSize(8);
    }

    @Test
    void precisionCountsDuplicatesAndInvalidPatterns() throws IOException {
        List<Pattern> patterns = new ArrayList<>(small.honest.values());
        patterns.add(new Pattern("dup-set", "cycle", List.of("A3", "A1", "A2")));
        patterns.add(new Pattern("p-cycle-1", "fanin", List.of("A1", "A2")));
        patterns.add(new Pattern("junk", "cycle", List.of("Z1", "L4")));
        patterns.add(new Pattern("junk2", "no_such_type", List.of("Z1", "L4")));
        RunScore score = RunScorer.score(dataset, output("precision", patterns), PhaseTimes.unknown(),
                PhaseTimes.unknown());
        assertThat(score.counts().patternsReported()).isEqualTo(12);
        assertThat(score.counts().patternsValid()).isEqualTo(8);
        assertThat(score.counts().invalidByReason())
                .containsEntry("duplicate", 2).containsEntry("missing_edge", 1).containsEntry("unknown_type", 1);
        assertThat(score.precision()).isEqualTo(8.0 / 12);
        assertThat(score.recall()).isEqualTo(1.0);
        double ap = 0;
        for (int k = 1; k <= 8; k++) {
            ap += k / (4.0 + k);
        }
        assertThat(score.patternAccuracy()).isCloseTo(ap / 8, within(1e-12));
    }

    @Test
    void noveltyCountsValidPatternsOutsideTheGroundTruthUpToTheCap() throws IOException {
        List<Pattern> patterns = new ArrayList<>(small.honest.values());
        patterns.add(new Pattern("novel", "cycle", List.of("Y1", "Y2"), 0.1));
        RunScore score = RunScorer.score(dataset, output("novelty", patterns), PhaseTimes.unknown(),
                PhaseTimes.unknown());
        assertThat(score.counts().novelPatterns()).isEqualTo(1);
        assertThat(score.novelty()).isEqualTo(1 / 4.0);
        // novelty weighs 0 by default, and the novel pattern ranks below every hit
        assertThat(score.patternAccuracy()).isEqualTo(1.0);
        assertThat(score.finalScore()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void emptyPatternsScorePrecisionAndRecallZero() throws IOException {
        RunScore score = RunScorer.score(dataset, output("empty", List.of()), PhaseTimes.unknown(),
                PhaseTimes.unknown());
        assertThat(score.dataCorrect()).isTrue();
        assertThat(score.precision()).isZero();
        assertThat(score.recall()).isZero();
        assertThat(score.finalScore()).isCloseTo(0.3 + 0.1, within(1e-12));
    }

    @Test
    void performanceFollowsTheBaselineRatio() throws IOException {
        Path out = dir.resolve("perf");
        small.writeHonestOutput(out);
        RunScore score = RunScorer.score(dataset, out, PhaseTimes.of(10.0, 5.0), PhaseTimes.of(10.0, 10.0));
        assertThat(score.performanceFeatures()).isEqualTo(0.5);
        assertThat(score.performancePatterns()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score.performance()).isCloseTo(0.5 * 0.5 + 0.5 * 2.0 / 3, within(1e-12));
        assertThat(score.executionTimeSeconds()).isEqualTo(15.0);
        assertThat(score.finalScore()).isCloseTo(0.8 + 0.2 * score.performance(), within(1e-12));
        RunScore timedOut = RunScorer.score(dataset, out, new PhaseTimes(10.0, 600.0, false, true),
                PhaseTimes.of(10.0, 10.0));
        assertThat(timedOut.performancePatterns()).isZero();
        assertThat(RunScorer.performance(null, 3.0, false, false)).isEqualTo(0.5);
        assertThat(RunScorer.performance(1.0, 3.0, false, false)).isEqualTo(0.75);
    }

    @Test
    void wrongFeaturesFailTheGateWithTheOffendingAddresses() throws IOException {
        List<Feature> features = new ArrayList<>(ScoringFixtures.honestFeatures(small.transfers));
        Feature a1 = features.get(0);
        features.set(0, new Feature(a1.address(), a1.degreeIn(), a1.degreeOut(), a1.txIn() + 1, a1.txOut(),
                a1.totalInUsd(), a1.totalOutUsd() * 1.01 + 1, a1.counterparties(), a1.first(), a1.last()));
        Feature removed = features.remove(features.size() - 1);
        Path out = dir.resolve("wrong-features");
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), features);
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), new ArrayList<>(small.honest.values()));
        RunScore score = RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.dataCorrect()).isFalse();
        assertThat(score.minerFault()).isFalse();
        assertThat(score.finalScore()).isZero();
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.error()).contains("1 addresses of transfers missing (e.g. " + removed.address() + ")")
                .contains("column tx_in_count differs for 1 addresses (e.g. " + a1.address())
                .contains("column total_out_usd differs");
    }

    @Test
    void usdSumsWithinToleranceAndDuplicateRowsAreChecked() throws IOException {
        List<Feature> features = new ArrayList<>();
        for (Feature f : ScoringFixtures.honestFeatures(small.transfers)) {
            features.add(new Feature(f.address(), f.degreeIn(), f.degreeOut(), f.txIn(), f.txOut(),
                    f.totalInUsd() * (1 + 5e-7), f.totalOutUsd() + 5e-7, f.counterparties(), f.first(), f.last()));
        }
        Path out = dir.resolve("tolerance");
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), features);
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), List.of());
        assertThat(RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown()).dataCorrect()).isTrue();
        features.add(features.get(3));
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), features);
        RunScore duplicated = RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(duplicated.dataCorrect()).isFalse();
        assertThat(duplicated.error()).contains("listed more than once (e.g. " + features.get(3).address());
    }

    @Test
    void narrowIntegersAndDecimalUsdAreUsableFeatureTypes() throws IOException {
        org.apache.avro.Schema schema = ScoringFixtures.record("feature", "address:string", "degree_in:int",
                "degree_out:int", "tx_in_count:int", "tx_out_count:int", "total_in_usd:decimal",
                "total_out_usd:decimal", "unique_counterparties:int", "first_activity_timestamp:long",
                "last_activity_timestamp:long", "extra_column:string");
        Path out = dir.resolve("decimal-features");
        try (var writer = ScoringFixtures.writer(out.resolve("features.parquet"), schema)) {
            for (Feature f : ScoringFixtures.honestFeatures(small.transfers)) {
                var r = new org.apache.avro.generic.GenericData.Record(schema);
                r.put("address", f.address());
                r.put("degree_in", (int) f.degreeIn());
                r.put("degree_out", (int) f.degreeOut());
                r.put("tx_in_count", (int) f.txIn());
                r.put("tx_out_count", (int) f.txOut());
                r.put("total_in_usd", ScoringFixtures.decimal(java.math.BigDecimal.valueOf(f.totalInUsd())));
                r.put("total_out_usd", ScoringFixtures.decimal(java.math.BigDecimal.valueOf(f.totalOutUsd())));
                r.put("unique_counterparties", (int) f.counterparties());
                r.put("first_activity_timestamp", f.first());
                r.put("last_activity_timestamp", f.last());
                r.put("extra_column", "anything");
                writer.write(r);
            }
        }
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), new ArrayList<>(small.honest.values()));
        RunScore score = RunScorer.score(dataset, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.error()).isNull();
        assertThat(score.dataCorrect()).isTrue();
        assertThat(score.finalScore()).isCloseTo(0.9, within(1e-12));
    }
}
