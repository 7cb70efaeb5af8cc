package io.subnet2.validator.chain.bittensor.weights;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.chain.WeightAttempt;
import io.subnet2.validator.chain.WeightPublisher;
import io.subnet2.validator.chain.WeightVector;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.timelock.TimelockEncryption;

/**
 * Bittensor mode's {@link WeightPublisher} (spec/bittensor.md "Weights", docs/chain.md "Weights"): reads the
 * subnet's weight hyperparameters and our neuron at the finalized head, then sends
 * {@code set_mechanism_weights} when commit-reveal is off, a timelocked v4 commit when it is on (or a v2
 * hash commit with {@code commit-reveal: hash}). Every attempt is recorded; {@link #poll()} confirms
 * submissions by reading LastUpdate, reveals v2 commits, and asks for a new vector once per tempo.
 */
public class ChainWeightPublisher implements WeightPublisher {

    private static final Logger log = LoggerFactory.getLogger(ChainWeightPublisher.class);

    private final int netuid;
    private final byte[] hotkey;
    private final WeightsChain chain;
    private final WeightSubmission submission;
    private final WeightAttempts attempts;
    private final WeightsMetrics metrics;
    private final WeightsHealth health;
    private final WeightsProperties properties;
    private final Clock clock;
    private final Supplier<TimelockEncryption> timelock;
    private final int blockSeconds;
    private final HashCommitReveals reveals;
    private volatile String lastFailure;

    public ChainWeightPublisher(int netuid, ExtrinsicSigner signer, String address, WeightsChain chain,
            WeightAttempts attempts, WeightsMetrics metrics, WeightsHealth health, WeightsProperties properties,
            Clock clock, Supplier<TimelockEncryption> timelock, int blockSeconds) {
        this.netuid = netuid;
        this.hotkey = signer.publicKey();
        this.chain = chain;
        this.submission = new WeightSubmission(chain, signer, address, properties);
        this.attempts = attempts;
        this.metrics = metrics;
        this.health = health;
        this.properties = properties;
        this.clock = clock;
        this.timelock = timelock;
        this.blockSeconds = blockSeconds;
        this.reveals = new HashCommitReveals(netuid, hotkey, chain, attempts, this);
    }

    @Override
    public synchronized void publish(WeightVector vector) {
        WeightsChain.Block head = chain.finalizedHead();
        SubnetWeightState state = chain.subnetState(netuid, hotkey, head);
        U16Weights weights = U16Weights.of(vector);
        WeightAttempts.Draft draft = new WeightAttempts.Draft(netuid, head.number(), callName(state), weights,
                properties.versionKey(), null, null, vector.tournamentId(), vector.epochNumber());
        String refusal = refusal(state, weights);
        if (refusal != null) {
            boolean skip = refusal.equals("rate-limited") || refusal.equals("in-flight") || refusal.equals("no-weights");
            finish(draft, skip ? WeightAttempts.SKIPPED : WeightAttempts.FAILED, null, refusal, describe(refusal, state));
            return;
        }
        byte[] call;
        if (!state.commitRevealEnabled()) {
            call = WeightCalls.setMechanismWeights(netuid, weights, properties.versionKey());
        } else if (properties.useHashCommits()) {
            HashCommitReveals.Commit commit = HashCommitReveals.commit(hotkey, netuid, weights, properties.versionKey());
            Long id = send(draft, commit.call(), head);
            if (id != null && !properties.dryRun()) {
                attempts.addReveal(id, netuid, weights, commit.salt(), properties.versionKey());
            }
            return;
        } else {
            long round = RevealRound.round(head.number(), clock.instant(),
                    chain.nextEpochStart(netuid, head).orElse(head.number() + state.tempo()), state.tempo(),
                    state.revealPeriodEpochs(), blockSeconds, chain.lastStoredRound(head));
            byte[] payload = WeightCalls.timelockPayload(hotkey, weights, properties.versionKey());
            byte[] commit = timelock.get().encrypt(payload, round).toBytes();
            call = WeightCalls.commitTimelockedMechanismWeights(netuid, commit, round);
            draft = new WeightAttempts.Draft(netuid, head.number(), draft.call(), weights, draft.versionKey(), round, null,
                    draft.tournamentId(), draft.epochNumber());
        }
        send(draft, call, head);
    }

    /** Sends a call and records the attempt; answers its id when it was submitted (or dry-run). */
    Long send(WeightAttempts.Draft draft, byte[] call, WeightsChain.Block head) {
        if (properties.dryRun()) {
            WeightSubmission.Built built = submission.build(call, head);
            log.info("weights (dry run, not sent): {} netuid={} block={} uids={} values={} nonce={} extrinsic={}",
                    draft.call(), netuid, head.number(), draft.weights().uids(), draft.weights().values(), built.nonce(),
                    built.hex());
            return finish(withNonce(draft, built.nonce()), WeightAttempts.DRY_RUN, Hex.encode(SignedExtrinsic.hash(built.extrinsic())),
                    null, null);
        }
        try {
            WeightSubmission.Sent sent = submission.send(call, head);
            log.info("weights: {} submitted netuid={} block={} uids={} tx={}", draft.call(), netuid, head.number(),
                    draft.weights().uids().size(), sent.txHash());
            return finish(withNonce(draft, sent.built().nonce()), WeightAttempts.SUBMITTED, sent.txHash(), null, null);
        } catch (WeightSubmission.Failure e) {
            finish(draft, WeightAttempts.FAILED, null, e.reason, e.getMessage());
            return null;
        }
    }

    @Override
    public synchronized boolean poll() {
        WeightsChain.Block head = chain.finalizedHead();
        SubnetWeightState state = chain.subnetState(netuid, hotkey, head);
        for (WeightAttempt a : attempts.submitted()) {
            if (a.call().equals("reveal_weights")) {
                continue;
            }
            if (state.lastUpdate() > a.block()) {
                attempts.confirm(a.id(), state.lastUpdate());
                metrics.attempt(a.call(), WeightAttempts.CONFIRMED);
                lastFailure = null;
                log.info("weights: {} confirmed at block {} (LastUpdate), tx={}", a.call(), state.lastUpdate(), a.txHash());
            } else if (head.number() > a.block() + properties.confirmBlocks()) {
                attempts.fail(a.id(), "not-included", "LastUpdate still " + state.lastUpdate() + " at block " + head.number());
                failed(a.call(), "not-included");
            }
        }
        reveals.process(state, head);
        long lastSet = properties.dryRun() ? Math.max(state.lastUpdate(), attempts.lastSetBlock(netuid, true))
                : state.lastUpdate();
        metrics.blocksSinceLastSet(lastSet == 0 ? -1 : head.number() - lastSet);
        health.update(head.number(), lastSet, state.tempo(), lastFailure);
        boolean inFlight = attempts.submitted().stream().anyMatch(a -> !a.call().equals("reveal_weights"));
        return state.uid().isPresent() && state.validatorPermit() && !inFlight && state.blocksUntilAllowed() == 0
                && (lastSet == 0 || head.number() - lastSet >= state.tempo());
    }

    private String refusal(SubnetWeightState state, U16Weights weights) {
        if (state.uid().isEmpty()) {
            return "not-registered";
        }
        if (!state.validatorPermit()) {
            return "no-validator-permit";
        }
        if (state.versionKey() != 0 && properties.versionKey() < state.versionKey()) {
            return "version-key-too-old";
        }
        if (state.commitRevealEnabled() && !properties.useHashCommits()
                && state.commitRevealVersion() != WeightCalls.TIMELOCK_VERSION) {
            return "unsupported-commit-reveal-version";
        }
        if (weights.isEmpty()) {
            return "no-weights";
        }
        if (attempts.submitted().stream().anyMatch(a -> !a.call().equals("reveal_weights"))) {
            return "in-flight";
        }
        return state.blocksUntilAllowed() > 0 ? "rate-limited" : null;
    }

    private String describe(String refusal, SubnetWeightState s) {
        return switch (refusal) {
            case "not-registered" -> "hotkey is not registered on netuid " + netuid;
            case "no-validator-permit" -> "uid " + s.uid().getAsInt() + " has no validator permit on netuid " + netuid;
            case "version-key-too-old" -> "validator.chain.weights.version-key " + properties.versionKey()
                    + " is below the subnet's WeightsVersionKey " + s.versionKey();
            case "unsupported-commit-reveal-version" -> "the chain wants commit-reveal version " + s.commitRevealVersion()
                    + ", this validator encrypts v" + WeightCalls.TIMELOCK_VERSION + " (or set commit-reveal: hash)";
            case "rate-limited" -> "rate limit: " + s.blocksUntilAllowed() + " more blocks (WeightsSetRateLimit "
                    + s.rateLimit() + ", LastUpdate " + s.lastUpdate() + ")";
            case "in-flight" -> "the previous submission is not confirmed yet";
            default -> "nobody has weight";
        };
    }

    private String callName(SubnetWeightState state) {
        if (!state.commitRevealEnabled()) {
            return "set_mechanism_weights";
        }
        return properties.useHashCommits() ? "commit_weights" : "commit_timelocked_mechanism_weights";
    }

    Long finish(WeightAttempts.Draft draft, String outcome, String txHash, String reason, String error) {
        long id = attempts.record(draft, outcome, txHash, reason, error);
        metrics.attempt(draft.call(), outcome);
        if (outcome.equals(WeightAttempts.FAILED)) {
            failed(draft.call(), reason);
            log.warn("weights: {} failed netuid={} block={} reason={}: {}", draft.call(), netuid, draft.block(), reason, error);
        } else if (outcome.equals(WeightAttempts.SKIPPED)) {
            metrics.skipped(reason);
            log.info("weights: {} skipped netuid={} block={}: {}", draft.call(), netuid, draft.block(), error);
        }
        return id;
    }

    void failed(String call, String reason) {
        metrics.failure(reason);
        lastFailure = call + ": " + reason;
    }

    private static WeightAttempts.Draft withNonce(WeightAttempts.Draft d, long nonce) {
        return new WeightAttempts.Draft(d.netuid(), d.block(), d.call(), d.weights(), d.versionKey(), d.revealRound(), nonce,
                d.tournamentId(), d.epochNumber());
    }

    List<WeightAttempt> recent(int limit) {
        return attempts.recent(limit);
    }
}
