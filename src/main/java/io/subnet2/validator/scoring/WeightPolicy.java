package io.subnet2.validator.scoring;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The weight vector over uids (scoring.md §7). The policy gives each ranked miner with a positive
 * final score a raw share (proportional: its final score; winner-take-all: 1 for the best-ranked;
 * rank-decay: decay^(rank-1)). With a burn uid, the shares of miners that did not beat the baseline
 * go to it (and everything does when nobody earned a share). The vector sums to 1, or is all zero
 * when there are no results or nothing was earned and no burn uid is set.
 */
public final class WeightPolicy {

    private WeightPolicy() {
    }

    public static SortedMap<Integer, Double> weights(List<RankedResult> ranked, ScoringProperties.Weights config) {
        SortedMap<Integer, Double> vector = new TreeMap<>();
        Integer burn = config.burnUid();
        if (burn != null) {
            vector.put(burn, 0.0);
        }
        double[] raw = new double[ranked.size()];
        double burned = 0;
        int best = -1;
        for (int i = 0; i < ranked.size(); i++) {
            RankedResult r = ranked.get(i);
            vector.putIfAbsent(r.uid(), 0.0);
            if (!(r.finalScore() > 0)) {
                continue;
            }
            if (best < 0 || r.rank() < ranked.get(best).rank()) {
                best = i;
            }
            raw[i] = switch (config.policy()) {
                case PROPORTIONAL -> r.finalScore();
                case RANK_DECAY -> StrictMath.pow(config.decay(), r.rank() - 1);
                case WINNER_TAKE_ALL -> 0;
            };
        }
        if (config.policy() == ScoringProperties.Policy.WINNER_TAKE_ALL && best >= 0) {
            raw[best] = 1;
        }
        double total = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (burn != null && !ranked.get(i).beatBaseline()) {
                burned += raw[i];
                raw[i] = 0;
            }
            total += raw[i];
        }
        total += burned;
        if (ranked.isEmpty()) {
            return vector;
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
        if (burn != null && burned > 0) {
            vector.merge(burn, burned / total, Double::sum);
        }
        return vector;
    }
}
