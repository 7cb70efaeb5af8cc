package io.subnet2.validator.chain.bittensor.weights;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commit-reveal v2 (the {@code commit-reveal: hash} fallback): a commit_weights of the hash of our weights
 * and a random salt, then a reveal_weights of the same in epoch commit_epoch + reveal_period, which the
 * chain checks exactly ({@code is_reveal_block_range}). The commit's epoch is read back from
 * {@code WeightCommits}; the salt lives in weight_reveals so a restart does not lose it.
 */
class HashCommitReveals {

    private static final Logger log = LoggerFactory.getLogger(HashCommitReveals.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_LENGTH = 8;
    /** No reveal this close to the epoch's end: it could land in the next epoch, where it is expired. */
    private static final int END_MARGIN_BLOCKS = 2;

    /** A commit_weights call and the salt its hash was made with. */
    record Commit(byte[] call, List<Integer> salt) {
    }

    private final int netuid;
    private final byte[] hotkey;
    private final WeightsChain chain;
    private final WeightAttempts attempts;
    private final ChainWeightPublisher publisher;

    HashCommitReveals(int netuid, byte[] hotkey, WeightsChain chain, WeightAttempts attempts, ChainWeightPublisher publisher) {
        this.netuid = netuid;
        this.hotkey = hotkey;
        this.chain = chain;
        this.attempts = attempts;
        this.publisher = publisher;
    }

    static Commit commit(byte[] hotkey, int netuid, U16Weights weights, long versionKey) {
        List<Integer> salt = new ArrayList<>();
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.add(RANDOM.nextInt(U16Weights.U16_MAX + 1));
        }
        byte[] hash = WeightCalls.commitHash(hotkey, netuid, weights, salt, versionKey);
        return new Commit(WeightCalls.commitWeights(netuid, hash), salt);
    }

    void process(SubnetWeightState state, WeightsChain.Block head) {
        List<WeightAttempts.PendingReveal> pending = attempts.pendingReveals(netuid);
        if (pending.isEmpty()) {
            return;
        }
        List<WeightsChain.HashCommit> onChain = chain.hashCommits(netuid, hotkey, head);
        long epoch = chain.subnetEpochIndex(netuid, head);
        for (WeightAttempts.PendingReveal p : pending) {
            byte[] hash = WeightCalls.commitHash(hotkey, netuid, p.weights(), p.salt(), p.versionKey());
            Optional<WeightsChain.HashCommit> stored = onChain.stream().filter(c -> Arrays.equals(c.hash(), hash)).findFirst();
            if (p.status().equals("sent")) {
                if (stored.isEmpty()) {
                    attempts.closeReveal(p.commitAttemptId(), "revealed");
                    attempts.confirm(p.revealAttemptId(), head.number());
                    log.info("weights: v2 commit {} revealed (gone from WeightCommits at block {})", p.commitAttemptId(),
                            head.number());
                }
                continue;
            }
            if (stored.isEmpty()) {
                if (!p.commitOutcome().equals(WeightAttempts.SUBMITTED)) {
                    attempts.closeReveal(p.commitAttemptId(), "missed");
                    publisher.failed("reveal_weights", "commit-not-found");
                }
                continue;
            }
            long revealEpoch = stored.get().epoch() + state.revealPeriodEpochs();
            if (epoch > revealEpoch) {
                attempts.closeReveal(p.commitAttemptId(), "missed");
                publisher.failed("reveal_weights", "reveal-missed");
                log.warn("weights: v2 commit {} of epoch {} was not revealed in epoch {} (now {}); its weights are lost",
                        p.commitAttemptId(), stored.get().epoch(), revealEpoch, epoch);
            } else if (epoch == revealEpoch && !nearEpochEnd(head)) {
                reveal(p, head);
            }
        }
    }

    private boolean nearEpochEnd(WeightsChain.Block head) {
        long next = chain.nextEpochStart(netuid, head).orElse(Long.MAX_VALUE);
        return next - head.number() <= END_MARGIN_BLOCKS;
    }

    private void reveal(WeightAttempts.PendingReveal p, WeightsChain.Block head) {
        WeightAttempts.Draft draft = new WeightAttempts.Draft(netuid, head.number(), "reveal_weights", p.weights(),
                p.versionKey(), null, null, null, null);
        Long id = publisher.send(draft, WeightCalls.revealWeights(netuid, p.weights(), p.salt(), p.versionKey()), head);
        if (id != null) {
            attempts.revealSent(p.commitAttemptId(), id);
        }
    }
}
