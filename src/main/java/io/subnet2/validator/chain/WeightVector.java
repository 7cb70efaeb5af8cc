package io.subnet2.validator.chain;

import java.util.List;
import java.util.UUID;

/** Weights over uids for one tournament epoch; they sum to 1, or are all zero when nobody scored. */
public record WeightVector(UUID tournamentId, long epochNumber, String policy, List<UidWeight> weights) {

    public WeightVector {
        weights = List.copyOf(weights);
    }

    public record UidWeight(int uid, double weight) {
    }
}
