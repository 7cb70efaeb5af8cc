package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.junit.jupiter.api.Test;

/** The scoring constants are snapshotted per tournament as JSON. */
class ScoringPropertiesTest {

    @Test
    void defaultsAreTheSpecConstants() {
        ScoringProperties p = ScoringProperties.defaults();
        assertThat(p.gate().usdAbsTolerance()).isEqualTo(1e-6);
        assertThat(p.gate().usdRelTolerance()).isEqualTo(1e-6);
        assertThat(p.rules().thresholdValues()).containsExactly(10_000L, 15_000L, 50_000L, 100_000L);
        assertThat(p.rules().thresholdBandLow()).isEqualTo(0.8);
        assertThat(p.rules().burstWindowSeconds()).isEqualTo(3600L);
        assertThat(p.rules().burstMinTransfers()).isEqualTo(10);
        assertThat(p.rules().thresholdMinTransfers()).isEqualTo(5);
        assertThat(p.rules().recallCoverage()).isEqualTo(0.5);
        assertThat(p.rules().noveltyCapFraction()).isEqualTo(0.5);
        assertThat(p.rules().matchPurity()).isEqualTo(0.5);
        assertThat(p.rules().maxAddresses().proximityRisk()).isEqualTo(7);
        for (io.subnet2.validator.dataset.PatternType type : io.subnet2.validator.dataset.PatternType.values()) {
            assertThat(p.rules().maxAddresses().of(type)).as(type.id())
                    .isEqualTo(type == io.subnet2.validator.dataset.PatternType.PROXIMITY_RISK ? 7 : 256);
        }
        assertThat(p.run().accuracy()).isEqualTo(0.5);
        assertThat(p.run().correctness()).isEqualTo(0.3);
        assertThat(p.run().performance()).isEqualTo(0.2);
        assertThat(p.run().novelty()).isEqualTo(0.0);
        assertThat(p.beatMargin()).isEqualTo(0.01);
        assertThat(p.weights().policy()).isEqualTo(ScoringProperties.Policy.PROPORTIONAL);
        assertThat(p.weights().decay()).isEqualTo(0.5);
        assertThat(p.weights().burnUid()).isNull();
    }

    @Test
    void roundTripsThroughJsonAndFillsMissingValues() {
        ScoringProperties custom = new ScoringProperties(null,
                new ScoringProperties.Rules(null, null, null, null, null,
                        new ScoringProperties.MaxAddresses(null, 64, null, null, null, null, null, null), null, null, 3,
                        null, null, List.of(1000L), null, null, null, null, null, 0.75, null),
                new ScoringProperties.RunWeights(null, null, null, 0.1), null,
                new ScoringProperties.Weights(ScoringProperties.Policy.RANK_DECAY, 0.25, 9), 0.02, 1);
        String json = custom.toJson();
        assertThat(json).contains("\"rank-decay\"");
        assertThat(ScoringProperties.fromJson(json)).isEqualTo(custom);
        assertThat(ScoringProperties.fromJson(ScoringProperties.defaults().toJson()))
                .isEqualTo(ScoringProperties.defaults());
        ScoringProperties partial = ScoringProperties.fromJson("{\"weights\":{\"policy\":\"winner-take-all\"}}");
        assertThat(partial.weights().policy()).isEqualTo(ScoringProperties.Policy.WINNER_TAKE_ALL);
        assertThat(partial.rules()).isEqualTo(ScoringProperties.Rules.defaults());
    }

    @Test
    void bindsFromSpringPropertiesWithKebabCaseNames() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "validator.scoring.weights.policy", "winner-take-all",
                "validator.scoring.weights.burn-uid", "0",
                "validator.scoring.beat-margin", "0.05",
                "validator.scoring.rules.threshold-values", "1000,2000",
                "validator.scoring.limits.max-patterns", "10",
                "validator.scoring.rules.max-addresses.proximity_risk", "5",
                "validator.scoring.rules.max-addresses.smurfing-network", "100")));
        ScoringProperties p = binder.bind("validator.scoring", ScoringProperties.class).get();
        assertThat(p.weights().policy()).isEqualTo(ScoringProperties.Policy.WINNER_TAKE_ALL);
        assertThat(p.weights().burnUid()).isZero();
        assertThat(p.beatMargin()).isEqualTo(0.05);
        assertThat(p.rules().thresholdValues()).containsExactly(1000L, 2000L);
        assertThat(p.limits().maxPatterns()).isEqualTo(10L);
        assertThat(p.limits().maxRowGroups()).isEqualTo(10_000);
        assertThat(p.run().accuracy()).isEqualTo(0.5);
        assertThat(p.rules().maxAddresses().proximityRisk()).isEqualTo(5);
        assertThat(p.rules().maxAddresses().smurfingNetwork()).isEqualTo(100);
        assertThat(p.rules().maxAddresses().cycle()).isEqualTo(256);
    }
}
