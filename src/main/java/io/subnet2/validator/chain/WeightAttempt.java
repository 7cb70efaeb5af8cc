package io.subnet2.validator.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One attempt to set weights on chain (bittensor mode), as recorded: the call sent (or that would have been),
 * its outcome ({@code submitted}, {@code confirmed}, {@code failed}, {@code skipped}, {@code dry-run}), and
 * why when it did not go through.
 */
public record WeightAttempt(long id, Instant createdAt, int netuid, long block, String call, List<Integer> uids,
        List<Integer> weights, long versionKey, Long revealRound, Long nonce, String txHash, String outcome,
        String reason, String error, Long confirmedBlock, UUID tournamentId, Long epochNumber) {

    public WeightAttempt {
        uids = List.copyOf(uids);
        weights = List.copyOf(weights);
    }
}
