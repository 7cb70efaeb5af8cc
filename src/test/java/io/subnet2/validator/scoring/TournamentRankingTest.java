package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Aggregation, ranking, ties, beat_baseline and is_winner (scoring.md §6). */
class TournamentRankingTest {

    static final ScoringProperties PROPS = ScoringProperties.defaults();
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static ScoredRun run(double fin) {
        return new ScoredRun(fin, fin > 0, 0.5, fin);
    }

    static MinerRuns miner(String hotkey, int uid, long submittedSecond, int due, double... finals) {
        List<ScoredRun> runs = new ArrayList<>();
        for (double f : finals) {
            runs.add(run(f));
        }
        return new MinerRuns(hotkey, uid, T.plusSeconds(submittedSecond), due, runs);
    }

    @Test
    void meansCountMissingAndFailedDueRunsAsZero() {
        RankedResult r = TournamentRanking.aggregate(new MinerRuns("hk", 1, T, 4,
                List.of(run(0.8), run(0.6), ScoredRun.zero())));
        assertThat(r.finalScore()).isCloseTo(1.4 / 4, within(1e-12));
        assertThat(r.dataCorrectnessScore()).isEqualTo(0.5);
        assertThat(r.performanceScore()).isEqualTo(1.0 / 4);
        assertThat(r.runsCounted()).isEqualTo(4);
        assertThat(TournamentRanking.aggregate(new MinerRuns("none", 2, T, 0, List.of())).finalScore()).isZero();
        RunScore fault = RunScore.minerFault("boom", 3.0);
        assertThat(ScoredRun.of(fault)).isEqualTo(ScoredRun.zero());
    }

    @Test
    void ranksByFinalThenSubmittedAtThenHotkeyWhateverTheInputOrder() {
        List<MinerRuns> miners = new ArrayList<>(List.of(
                miner("zed", 5, 10, 2, 0.7, 0.7),
                miner("amy", 3, 20, 2, 0.7, 0.7),
                miner("bob", 4, 20, 2, 0.7, 0.7),
                miner("top", 1, 99, 2, 0.9, 0.8),
                miner("low", 2, 0, 2, 0.1)));
        MinerRuns baseline = miner("baseline", 0, 0, 2, 0.6, 0.6);
        List<RankedResult> ranked = TournamentRanking.rank(miners, baseline, PROPS);
        assertThat(ranked).extracting(RankedResult::hotkey).containsExactly("top", "zed", "amy", "bob", "low");
        assertThat(ranked).extracting(RankedResult::rank).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(miners, new java.util.Random(i));
            assertThat(TournamentRanking.rank(miners, baseline, PROPS)).isEqualTo(ranked);
        }
        assertThat(ranked.get(0).isWinner()).isTrue();
        assertThat(ranked).filteredOn(RankedResult::isWinner).hasSize(1);
        assertThat(ranked).extracting(RankedResult::beatBaseline).containsExactly(true, true, true, true, false);
    }

    @Test
    void beatingTheBaselineNeedsTheMargin() {
        MinerRuns baseline = miner("baseline", 0, 0, 1, 0.6);
        List<RankedResult> close = TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.605)), baseline, PROPS);
        assertThat(close.get(0).beatBaseline()).isFalse();
        assertThat(close.get(0).isWinner()).isFalse();
        List<RankedResult> clear = TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.611)), baseline, PROPS);
        assertThat(clear.get(0).isWinner()).isTrue();
        ScoringProperties noMargin = ScoringProperties.fromJson("{\"beatMargin\":0.0}");
        assertThat(TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.605)), baseline, noMargin).get(0)
                .isWinner()).isTrue();
        assertThat(TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.005)), null, PROPS).get(0)
                .beatBaseline()).isFalse();
    }

    @Test
    void onlyMinersBeatingTheBaselineShareTheWeightInProportionToTheirExcess() {
        MinerRuns baseline = miner("baseline", 0, 0, 1, 0.5);
        List<RankedResult> ranked = TournamentRanking.rank(List.of(
                miner("a", 1, 0, 1, 0.8), miner("b", 2, 0, 1, 0.6), miner("c", 3, 0, 1, 0.505),
                miner("d", 4, 0, 1, 0.0)), baseline, PROPS);
        // c is above the baseline but not by the margin: nothing
        Map<Integer, Double> proportional = WeightPolicy.weights(ranked, 0.5, weights("proportional", null));
        assertThat(proportional.get(1)).isCloseTo(0.3 / 0.4, within(1e-12));
        assertThat(proportional.get(2)).isCloseTo(0.1 / 0.4, within(1e-12));
        assertThat(proportional).containsEntry(3, 0.0).containsEntry(4, 0.0);
        assertSumOne(proportional);
        // a burn uid changes nothing while someone beats the baseline
        assertThat(WeightPolicy.weights(ranked, 0.5, weights("proportional", 0)))
                .containsEntry(0, 0.0).containsEntry(1, proportional.get(1));

        Map<Integer, Double> wta = WeightPolicy.weights(ranked, 0.5, weights("winner-take-all", null));
        assertThat(wta).containsEntry(1, 1.0).containsEntry(2, 0.0);
        assertSumOne(wta);

        Map<Integer, Double> decay = WeightPolicy.weights(ranked, 0.5, weights("rank-decay", null));
        assertThat(decay.get(1)).isCloseTo(1 / 1.5, within(1e-12));
        assertThat(decay.get(2)).isCloseTo(0.5 / 1.5, within(1e-12));
        assertThat(decay).containsEntry(3, 0.0).containsEntry(4, 0.0);
        assertSumOne(decay);
    }

    @Test
    void whenNobodyBeatsTheBaselineEverythingIsBurnedOrNothingIsPublished() {
        MinerRuns baseline = miner("baseline", 0, 0, 1, 0.9);
        List<RankedResult> ranked = TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.8),
                miner("b", 2, 0, 1, 0.905)), baseline, PROPS);
        for (String policy : List.of("proportional", "winner-take-all", "rank-decay")) {
            assertThat(WeightPolicy.weights(ranked, 0.9, weights(policy, 7))).as(policy)
                    .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(1, 0.0, 2, 0.0, 7, 1.0)));
            Map<Integer, Double> none = WeightPolicy.weights(ranked, 0.9, weights(policy, null));
            assertThat(none.values()).as(policy).allMatch(w -> w == 0.0);
            assertThat(WeightPolicy.anyWeight(new java.util.TreeMap<>(none))).isFalse();
        }
        assertThat(WeightPolicy.weights(List.of(), 0, weights("proportional", 7))).containsExactlyEntriesOf(Map.of(7, 1.0));
        assertThat(WeightPolicy.weights(List.of(), 0, weights("proportional", null))).isEmpty();
        // without a baseline result the bar is the margin alone
        List<RankedResult> alone = TournamentRanking.rank(List.of(miner("a", 1, 0, 1, 0.4)), null, PROPS);
        assertThat(WeightPolicy.weights(alone, 0, weights("proportional", null))).containsEntry(1, 1.0);
    }

    @Test
    void chainModeBurnsToTheOwnerUidByDefault() {
        assertThat(ScoringProperties.defaults().forChainMode("local").weights().burnUid()).isNull();
        ScoringProperties chain = ScoringProperties.defaults().forChainMode("bittensor");
        assertThat(chain.weights().burnUid()).isZero();
        assertThat(chain.weights().policy()).isEqualTo(ScoringProperties.Policy.PROPORTIONAL);
        ScoringProperties own = ScoringProperties.fromJson("{\"weights\":{\"burnUid\":12}}");
        assertThat(own.forChainMode("bittensor").weights().burnUid()).isEqualTo(12);
    }

    private static ScoringProperties.Weights weights(String policy, Integer burn) {
        return new ScoringProperties.Weights(ScoringProperties.Policy.fromId(policy), null, burn);
    }

    private static void assertSumOne(Map<Integer, Double> weights) {
        assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }
}
