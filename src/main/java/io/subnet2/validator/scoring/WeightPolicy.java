package io.subnet2.validator.scoring;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The weight vector over uids (scoring.md §7 with the default of integrity.md "Weights"). Only miners
 * that beat the baseline by the margin earn a share: proportional (default) to (final − baseline
 * final), winner-take-all 1 for the winner, rank-decay decay^(rank−1). When nobody earned a share the
 * whole weight goes to the burn uid, or, without one, the vector is all zero (nothing to publish).
 * Every ranked uid (and the burn uid) is in the vector; it sums to 1 or is all zero.
 */
public final class WeightPolicy {

    private WeightPolicy() {
    }

    /** {@code baselineFinal}: the baseline's tournament final score (0 when there is no baseline result). */
    public static SortedMap<Integer, Double> weights(List<RankedResult> ranked, double baselineFinal,
                                                     ScoringProperties.Weights config) {
        SortedMap<Integer, Double> vector = new TreeMap<>();
        Integer burn = config.burnUid();
        if (burn != null) {
            vector.put(burn, 0.0);
        }
        double[] raw = new double[ranked.size()];
        double total = 0;
        for (int i = 0; i < ranked.size(); i++) {
            RankedResult r = ranked.get(i);
            vector.putIfAbsent(r.uid(), 0.0);
            if (!r.beatBaseline()) {
                continue;
            }
            raw[i] = switch (config.policy()) {
                case PROPORTIONAL -> Math.max(0, r.finalScore() - baselineFinal);
                case RANK_DECAY -> StrictMath.pow(config.decay(), r.rank() - 1);
                case WINNER_TAKE_ALL -> r.isWinner() ? 1 : 0;
            };
            total += raw[i];
        }
        if (!(total > 0)) {
            if (burn != null) {
                vector.put(burn, 1.0);
            }
            return vector;
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (raw[i] > 0) {
                vector.merge(ranked.get(i).uid(), raw[i] / total, Double::sum);
            }
        }
        return vector;
    }

    /** Whether a vector gives weight to anyone: an all-zero vector is not published. */
    public static boolean anyWeight(SortedMap<Integer, Double> vector) {
        return vector.values().stream().anyMatch(w -> w > 0);
    }
}
