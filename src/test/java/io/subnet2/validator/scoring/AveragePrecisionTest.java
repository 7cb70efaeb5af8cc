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
import io.subnet2.validator.scoring.ScoringFixtures.Pattern;

/**
 * Scoring v2 on the hand-built dataset (integrity.md "Scoring rules"): the confidence ranking, its
 * pessimistic ties, bad confidences, size bounds and the worked example of docs/scoring.md.
 */
class AveragePrecisionTest {

    @TempDir
    static Path dir;
    static SmallDataset small;
    static ScoringDataset dataset;

    @BeforeAll
    static void load() throws IOException {
        small = new SmallDataset();
        DatasetLayout layout = small.write(dir.resolve("dataset"));
        dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
    }

    private static RunScore score(String name, List<Pattern> patterns, boolean withConfidence,
                                  ScoringDataset against) throws IOException {
        Path out = dir.resolve(name);
        ScoringFixtures.writeFeatures(out.resolve("features.parquet"), ScoringFixtures.honestFeatures(small.transfers));
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), patterns, withConfidence);
        RunScore score = RunScorer.score(against, out, PhaseTimes.unknown(), PhaseTimes.unknown());
        assertThat(score.minerFault()).as(score.error()).isFalse();
        return score;
    }

    private static Pattern honest(String instance, double confidence) {
        return small.honest.get(instance).withConfidence(confidence);
    }

    /** The example of docs/scoring.md "Scoring v2, worked example", step by step. */
    @Test
    void workedExampleOfTheDocs() throws IOException {
        List<Pattern> file = List.of(
                honest("cycle-1", 0.9),                                                  // hit
                new Pattern("novel", "cycle", List.of("Y1", "Y2"), 0.9),                 // valid, matches nothing
                honest("fanin-1", 0.8),                                                  // hit
                new Pattern("again", "cycle", List.of("A2", "A3", "A1"), 0.7),           // duplicate of the first
                honest("fanout-1", 0.5),                                                 // hit
                honest("layering-1", 0.5),                                               // hit
                new Pattern("nan", "cycle", List.of("Z1", "Z2"), Double.NaN));           // bad_confidence
        RunScore score = score("worked", file, true, dataset);
        // ranking: [nan] (+inf, miss) | 0.9: novel miss, cycle hit | 0.8: fanin hit | 0.7: again miss
        //          | 0.5: fanout hit, layering hit. Precision at each hit: 1/3, 2/4, 3/6, 4/7.
        assertThat(score.patternAccuracy()).isCloseTo((1.0 / 3 + 2.0 / 4 + 3.0 / 6 + 4.0 / 7) / 8, within(1e-12));
        assertThat(score.patternAccuracy()).isCloseTo(0.2381, within(1e-4));
        assertThat(score.recall()).isEqualTo(4.0 / 8);
        assertThat(score.precision()).isEqualTo(4.0 / 7);
        assertThat(score.counts().patternsValid()).isEqualTo(5);
        assertThat(score.counts().invalidByReason()).containsEntry("duplicate", 1).containsEntry("bad_confidence", 1);
        assertThat(score.counts().novelPatterns()).isEqualTo(1);
        assertThat(score.finalScore()).isCloseTo(0.5 * score.patternAccuracy() + 0.3 + 0.1, within(1e-12));

        List<Pattern> six = file.subList(0, 6);
        assertThat(score("worked-six", six, true, dataset).patternAccuracy())
                .isCloseTo((1.0 / 2 + 2.0 / 3 + 3.0 / 5 + 4.0 / 6) / 8, within(1e-12));
        List<Pattern> flat = new ArrayList<>();
        for (Pattern p : six) {
            flat.add(0, p.withConfidence(0.5));
        }
        assertThat(score("worked-flat", flat, true, dataset).patternAccuracy())
                .isCloseTo((1.0 / 3 + 2.0 / 4 + 3.0 / 5 + 4.0 / 6) / 8, within(1e-12));
    }

    @Test
    void aConstantConfidenceEarnsNoRankingCreditWhateverTheFileOrder() throws IOException {
        List<Pattern> ranked = new ArrayList<>();
        for (Pattern p : small.honest.values()) {
            ranked.add(p.withConfidence(0.9));
        }
        List<Pattern> junk = List.of(new Pattern("y", "cycle", List.of("Y1", "Y2"), 0.1),
                new Pattern("z", "motif_fanout", List.of("P1", "P2", "Q"), 0.1));
        List<Pattern> byConfidence = new ArrayList<>(ranked);
        byConfidence.addAll(junk);
        assertThat(score("ranked", byConfidence, true, dataset).patternAccuracy()).isEqualTo(1.0);

        // the same patterns, junk first in the file, all of one confidence: the two misses count first
        List<Pattern> constant = new ArrayList<>();
        for (Pattern p : junk) {
            constant.add(p.withConfidence(0.5));
        }
        for (Pattern p : ranked) {
            constant.add(p.withConfidence(0.5));
        }
        double expected = 0;
        for (int k = 1; k <= 8; k++) {
            expected += k / (2.0 + k);
        }
        RunScore flat = score("constant", constant, true, dataset);
        assertThat(flat.patternAccuracy()).isCloseTo(expected / 8, within(1e-12));
        assertThat(flat.recall()).isEqualTo(1.0);
        List<Pattern> reversed = new ArrayList<>(constant.subList(2, constant.size()));
        reversed.addAll(constant.subList(0, 2));
        assertThat(score("constant-reversed", reversed, true, dataset).patternAccuracy())
                .isEqualTo(flat.patternAccuracy());
        // no confidence column at all: every confidence 0, the same single group
        assertThat(score("no-column", reversed, false, dataset).patternAccuracy()).isEqualTo(flat.patternAccuracy());
    }

    @Test
    void aNullConfidenceIsZeroAndInfinitiesAreBadConfidences() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (Pattern p : small.honest.values()) {
            patterns.add(p.withConfidence(-0.0));
        }
        patterns.add(new Pattern("null", "cycle", List.of("Y1", "Y2"), null));
        patterns.add(new Pattern("inf", "cycle", List.of("Z1", "Z2"), Double.POSITIVE_INFINITY));
        patterns.add(new Pattern("-inf", "cycle", List.of("Z3", "Z4"), Double.NEGATIVE_INFINITY));
        RunScore score = score("null-and-inf", patterns, true, dataset);
        assertThat(score.counts().invalidByReason()).containsEntry("bad_confidence", 2);
        // -0.0 ties with the null (0): one group of 8 hits and one miss, after the two bad ones
        double expected = 0;
        for (int k = 1; k <= 8; k++) {
            expected += k / (3.0 + k);
        }
        assertThat(score.patternAccuracy()).isCloseTo(expected / 8, within(1e-12));
        assertThat(score.precision()).isEqualTo(8.0 / 11);
    }

    @Test
    void aPatternLongerThanItsTypeBoundIsInvalid() throws IOException {
        List<String> longProximity = List.of("A1", "A2", "A3", "L1", "L2", "L3", "L4", "F");
        RunScore score = score("too-long", List.of(honest("proximity-1", 0.9),
                new Pattern("long", "proximity_risk", longProximity, 0.95)), true, dataset);
        assertThat(score.counts().invalidByReason()).containsEntry("too_many_addresses", 1);
        assertThat(score.counts().instancesFound()).isEqualTo(1);

        ScoringProperties tight = ScoringProperties.fromJson("{\"rules\":{\"maxAddresses\":{\"smurfingNetwork\":3}}}");
        DatasetLayout layout = new DatasetLayout(dir.resolve("dataset"));
        ScoringDataset bounded = ScoringDataset.load(layout.input(), layout.groundTruth(), tight);
        RunScore smurf = score("smurf-bound", List.of(honest("smurfing-1", 0.9)), true, bounded);
        assertThat(smurf.counts().invalidByReason()).containsEntry("too_many_addresses", 1);
        assertThat(smurf.recall()).isZero();
    }

    @Test
    void aPatternFindsOneInstanceAndRepeatsOfItAreMisses() throws IOException {
        // fanin-1 found by the first; the same set again is a duplicate; another valid match of it finds nothing new
        RunScore score = score("repeat", List.of(
                new Pattern("all", "motif_fanin", List.of("C", "S1", "S2", "S3"), 0.9),
                new Pattern("same-set", "motif_fanin", List.of("C", "S3", "S2", "S1"), 0.8),
                new Pattern("three-of-four", "smurfing_network", List.of("C", "S1", "S2"), 0.7)), true, dataset);
        assertThat(score.counts().invalidByReason()).containsEntry("duplicate", 1);
        assertThat(score.counts().patternsValid()).isEqualTo(2);
        assertThat(score.counts().instancesFound()).isEqualTo(1);
        assertThat(score.patternAccuracy()).isCloseTo(1.0 / 8, within(1e-12));
        assertThat(score.precision()).isEqualTo(1.0 / 3);
    }
}
