package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetGenerator;
import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.GenerationRequest;

/**
 * integrity.md "The cheats" on a generated dataset of 100,000 transfers: every cheat written from the
 * input files alone, with the baseline's (correct) features so only the patterns differ, scored
 * against the honest baseline analyzer run in this JVM on the same dataset.
 */
class GeneratedRedTeamTest {

    static final long TRANSFERS = 100_000;
    static final long SEED = 20261201L;
    /** The v1 outputs whose features are wrong: they fail the gate, their patterns are the baseline's. */
    static final List<String> FEATURE_CHEATS = List.of("features-missing-one-address", "features-wrong-total");
    /**
     * Cheats that live on the v1 generator's leaks (instance addresses whose only activity is their
     * pattern plus about one camouflage transfer, so low-degree components and the leftover pieces
     * of a chunking are instances): on the current generator they score AP 0.08-0.19, above the bar.
     * The generator without leaks (issue 11 item 2) is what stops them, not scoring.
     */
    static final List<String> GENERATOR_LEAK_CHEATS = List.of("connected-chunks-of-256",
            "low-degree-components-max-2", "low-degree-components-max-3", "low-degree-components-max-5");

    @TempDir
    static Path dir;
    static DatasetLayout dataset;
    static ScoringDataset scoring;
    static Path honest;
    static RunScore baseline;
    static final Map<String, RunScore> CHEATS = new LinkedHashMap<>();
    static final Map<String, RunScore> FEATURES = new LinkedHashMap<>();

    @BeforeAll
    static void generateRunTheBaselineAndCheat() throws Exception {
        dataset = new DatasetGenerator().generate(GenerationRequest.of(dir.resolve("dataset"), SEED, TRANSFERS))
                .layout();
        honest = InProcessBaseline.run(dataset.input(), dir.resolve("baseline"));
        scoring = ScoringDataset.load(dataset.input(), dataset.groundTruth(), ScoringProperties.defaults());
        baseline = score(honest);
        TransferGraph graph = TransferGraph.read(dataset.transfers());
        int n = 0;
        for (Map.Entry<String, List<ScoringFixtures.Pattern>> cheat : new BlindCheats(graph).all().entrySet()) {
            Path out = RedTeamOutputs.write(dir.resolve("cheat-" + n++), honest, cheat.getValue());
            CHEATS.put(cheat.getKey(), score(out));
            org.springframework.util.FileSystemUtils.deleteRecursively(out);
        }
        for (Map.Entry<String, Path> v1 : RedTeamOutputs.create(honest, dataset, dir.resolve("v1"), 7).entrySet()) {
            (FEATURE_CHEATS.contains(v1.getKey()) ? FEATURES : CHEATS).put("v1 " + v1.getKey(), score(v1.getValue()));
        }
        System.out.println(table());
    }

    private static RunScore score(Path output) {
        return RunScorer.score(scoring, output, PhaseTimes.unknown(), PhaseTimes.unknown());
    }

    /** The figures as a markdown table (docs/scoring.md, the report of issue 11). */
    static String table() {
        StringBuilder t = new StringBuilder(String.format("red team at %d transfers, seed %d (%d counted instances)%n"
                + "| output | patterns | AP | recall | precision | final |%n|---|---|---|---|---|---|%n",
                TRANSFERS, SEED, baseline.counts().instancesCounted()));
        Map<String, RunScore> rows = new LinkedHashMap<>();
        rows.put("honest baseline", baseline);
        rows.putAll(CHEATS);
        FEATURES.forEach((name, s) -> rows.put(name + " (gate)", s));
        rows.forEach((name, s) -> t.append(String.format("| %s | %d | %.4f | %.4f | %.4f | %.4f |%n", name,
                s.counts().patternsReported(), s.patternAccuracy(), s.recall(), s.precision(), s.finalScore())));
        return t.toString();
    }

    @Test
    void theBaselineIsCorrectAndEveryCheatOfTheListWasScored() {
        assertThat(baseline.dataCorrect()).as(baseline.error()).isTrue();
        assertThat(baseline.counts().instancesCounted()).isGreaterThan(50);
        assertThat(CHEATS.keySet()).contains("every-component-as-one-pattern", "connected-chunks-of-256",
                "1-hop-neighbourhoods-constant-confidence", "1-hop-neighbourhoods-confidence-1/degree",
                "low-degree-components-max-2", "low-degree-components-max-3", "low-degree-components-max-5",
                "every-3-cycle-constant-confidence", "every-3-cycle-confidence-1/degree",
                "every-rising-4-path-constant-confidence", "every-rising-4-path-confidence-1/degree",
                "every-fan-in-of-3-constant-confidence", "every-fan-in-of-3-confidence-1/degree",
                "every-fan-out-of-3-constant-confidence", "every-fan-out-of-3-confidence-1/degree",
                "v1 all-addresses-as-one-address-patterns", "v1 every-transfer-as-pair-of-each-type",
                "v1 random-address-lists", "v1 honest-duplicated-100x", "v1 honest-plus-10x-junk",
                "v1 empty-patterns");
        assertThat(FEATURES.keySet()).hasSize(2);
    }

    @Test
    void everyCheatEndsAtAveragePrecisionOfAtMostATenth() {
        Map<String, RunScore> scoring = new LinkedHashMap<>(CHEATS);
        scoring.keySet().removeAll(GENERATOR_LEAK_CHEATS);
        assertAtMostATenth(scoring);
    }

    /** Enable when the generator without leaks (issue 11 item 2, branch gen) is merged. */
    @Test
    void cheatsOnTheGeneratorsLeaksEndAtAveragePrecisionOfAtMostATenth() {
        Map<String, RunScore> leaks = new LinkedHashMap<>();
        GENERATOR_LEAK_CHEATS.forEach(name -> leaks.put(name, CHEATS.get(name)));
        assertAtMostATenth(leaks);
    }

    private static void assertAtMostATenth(Map<String, RunScore> cheats) {
        List<String> over = new ArrayList<>();
        cheats.forEach((name, s) -> {
            if (s.minerFault()) {
                // e.g. 100 copies of a large output are over limits.max-patterns: refused outright
                assertThat(s.finalScore()).as(name).isZero();
                return;
            }
            assertThat(s.dataCorrect()).as(name + ": " + s.error()).isTrue();
            if (s.patternAccuracy() > 0.10) {
                over.add(name + " AP " + s.patternAccuracy());
            }
        });
        assertThat(over).as(table()).isEmpty();
    }

    @Test
    void wrongFeaturesEndAtZeroWhateverThePatterns() {
        FEATURES.forEach((name, s) -> {
            assertThat(s.dataCorrect()).as(name).isFalse();
            assertThat(s.finalScore()).as(name).isZero();
        });
    }

    /** integrity.md "Not cheats, but asserted": ranking is what a constant confidence gives up. */
    @Test
    void theBaselineWithAConstantConfidenceKeepsItsRecallAndLosesAveragePrecision() throws Exception {
        RunScore constant = score(RedTeamOutputs.honestWithConstantConfidence(honest, dir.resolve("constant"), 0.5));
        System.out.printf("baseline with confidence 0.5: AP %.4f (own confidences %.4f), recall %.4f%n",
                constant.patternAccuracy(), baseline.patternAccuracy(), constant.recall());
        assertThat(constant.recall()).isEqualTo(baseline.recall());
        assertThat(constant.precision()).isEqualTo(baseline.precision());
        assertThat(constant.patternAccuracy()).isLessThan(baseline.patternAccuracy());
    }

    /**
     * Average precision ignores what ranks below the last hit: junk at confidence 0 costs precision
     * (hits / reported) and nothing else, and so earns nothing either; it is not a cheat.
     */
    @Test
    void junkRankedBelowEveryHonestPatternOnlyCostsPrecision() throws Exception {
        RunScore junk = score(RedTeamOutputs.honestPlusJunkRankedLast(honest, dataset, dir.resolve("junk-last"), 7));
        assertThat(junk.patternAccuracy()).isEqualTo(baseline.patternAccuracy());
        assertThat(junk.recall()).isEqualTo(baseline.recall());
        assertThat(junk.precision()).isLessThanOrEqualTo(baseline.precision() / 10);
    }

    /**
     * integrity.md's bar relative to the baseline: final ≥ 0.25 below it. With unknown times
     * final = 0.5·AP + 0.4, so this needs the baseline's AP ≥ 0.60 when a cheat is at 0.10; the
     * current baseline is not tuned for v2 yet (issue 11 item 6). Enable once it is.
     */
    @Test
    void everyCheatScoresAQuarterBelowTheBaseline() {
        Map<String, RunScore> all = new LinkedHashMap<>(CHEATS);
        all.putAll(FEATURES);
        all.forEach((name, s) -> assertThat(s.finalScore()).as(name + "\n" + table())
                .isLessThanOrEqualTo(baseline.finalScore() - 0.25));
    }
}
