package io.subnet2.validator.chain.bittensor.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.WeightAttempt;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;
import io.subnet2.validator.chain.bittensor.timelock.TimelockCiphertext;
import io.subnet2.validator.chain.bittensor.timelock.TimelockEncryption;
import io.subnet2.validator.chain.bittensor.timelock.DrandVectors;

/** The publisher's paths against the fake node, which decodes and checks every extrinsic it receives. */
class WeightPublisherTest extends WeightPublisherTestBase {

    @Test
    void commitRevealOffSetsMechanismWeightsAndConfirmsByLastUpdate() {
        commitRevealOff();
        node.nonces.put(alice.ss58(), 5L);
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 0));
        publisher.publish(vector(0.5, 0.25, 0.25, 0.0));

        WeightRules.Extrinsic x = node.rules.accepted.get(0);
        assertThat(x.callIndex()).isEqualTo(WeightCalls.SET_MECHANISM_WEIGHTS);
        assertThat(x.args()).containsEntry("netuid", NETUID).containsEntry("mecid", 0)
                .containsEntry("dests", List.of(0, 1, 2)).containsEntry("weights", List.of(65535, 32768, 32768))
                .containsEntry("version_key", 0L);
        assertThat(x.nonce()).isEqualTo(5);
        assertThat(x.era().period()).isEqualTo(64);
        assertThat(x.birth()).isEqualTo(100 / 64 * 64 + 100 % 64);
        WeightAttempt submitted = onlyAttempt();
        assertThat(submitted.outcome()).isEqualTo("submitted");
        assertThat(submitted.txHash()).isEqualTo(io.subnet2.validator.chain.bittensor.scale.Hex.encode(WeightRules.blake2(x.raw())));

        node.produceBlock();
        assertThat(node.rules.dispatched.get(0).error()).isNull();
        assertThat(publisher.poll()).as("just set: not due again before a tempo").isFalse();
        WeightAttempt confirmed = onlyAttempt();
        assertThat(confirmed.outcome()).isEqualTo("confirmed");
        assertThat(confirmed.confirmedBlock()).isEqualTo(101);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        node.advance(10);
        assertThat(publisher.poll()).as("a tempo later the publisher wants fresh weights").isTrue();
    }

    @Test
    void commitRevealOnSendsATimelockedCommitThatOpensWithRound1000sSignature() {
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 7));
        publisher.publish(vector(0.0, 1.0, 0.5));

        WeightRules.Extrinsic x = node.rules.accepted.get(0);
        assertThat(x.callIndex()).isEqualTo(WeightCalls.COMMIT_TIMELOCKED_MECHANISM_WEIGHTS);
        assertThat(x.args()).containsEntry("netuid", NETUID).containsEntry("mecid", 0)
                .containsEntry("reveal_round", 1000L).containsEntry("commit_reveal_version", 4);
        byte[] plain = TimelockEncryption.decrypt(TimelockCiphertext.parse((byte[]) x.args().get("commit")),
                DrandVectors.round1000Signature());
        ScaleReader payload = new ScaleReader(plain);
        assertThat(payload.bytes()).as("hotkey = the committer").isEqualTo(alice.publicKey());
        assertThat(payload.vec(2, ScaleReader::u16)).containsExactly(1, 2);
        assertThat(payload.vec(2, ScaleReader::u16)).containsExactly(65535, 32768);
        assertThat(payload.u64()).isEqualTo(7);
        payload.expectEnd();

        node.produceBlock();
        assertThat(node.rules.dispatched.get(0).error()).isNull();
        publisher.poll();
        assertThat(onlyAttempt().outcome()).isEqualTo("confirmed");
        assertThat(onlyAttempt().revealRound()).isEqualTo(1000);
    }

    @Test
    void theRevealRoundIsNeverBelowTheChainsLastStoredRound() {
        node.setU64(StorageKeys.lastStoredRound(), 5000);
        publisher(properties("timelock", false, 0)).publish(vector(1.0));
        assertThat(node.rules.accepted.get(0).args()).containsEntry("reveal_round", 5000L);
    }

    @Test
    void whileRateLimitedNothingIsSentAndTheSkipIsRecorded() {
        node.setLastUpdate(UID, 98);
        publisher(properties("timelock", false, 0)).publish(vector(1.0, 1.0));
        assertThat(node.rules.accepted).isEmpty();
        assertThat(node.calls).doesNotContain("author_submitExtrinsic");
        WeightAttempt a = onlyAttempt();
        assertThat(a.outcome()).isEqualTo("skipped");
        assertThat(a.reason()).isEqualTo("rate-limited");
        assertThat(a.error()).contains("3 more blocks");
        assertThat(counter("validator.weights.skipped", "reason", "rate-limited")).isEqualTo(1);
    }

    @Test
    void withoutAValidatorPermitNothingIsSent() {
        node.register(alice.publicKey(), UID, false);
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 0));
        publisher.publish(vector(1.0));
        assertThat(node.rules.accepted).isEmpty();
        assertThat(onlyAttempt().reason()).isEqualTo("no-validator-permit");
        assertThat(counter("validator.weights.failures", "reason", "no-validator-permit")).isEqualTo(1);
        assertThat(publisher.poll()).as("no permit: never due").isFalse();
    }

    @Test
    void anotherCommitRevealVersionOnChainIsRefusedBeforeSending() {
        node.setU16(StorageKeys.commitRevealVersion(), 5);
        publisher(properties("timelock", false, 0)).publish(vector(1.0));
        assertThat(node.rules.accepted).isEmpty();
        assertThat(onlyAttempt().reason()).isEqualTo("unsupported-commit-reveal-version");
        assertThat(onlyAttempt().error()).contains("version 5");
    }

    @Test
    void aVersionKeyBelowTheSubnetsIsRefusedBeforeSending() {
        node.setU64(StorageKeys.byNetuid("WeightsVersionKey", NETUID), 10);
        publisher(properties("timelock", false, 9)).publish(vector(1.0));
        assertThat(node.rules.accepted).isEmpty();
        assertThat(onlyAttempt().reason()).isEqualTo("version-key-too-old");
    }

    @Test
    void notRegisteredIsRecorded() {
        node.storage.remove(StorageKeys.uid(NETUID, alice.publicKey()));
        publisher(properties("timelock", false, 0)).publish(vector(1.0));
        assertThat(onlyAttempt().reason()).isEqualTo("not-registered");
    }

    @Test
    void dryRunSignsAndRecordsButSendsNothing() {
        commitRevealOff();
        ChainWeightPublisher publisher = publisher(properties("timelock", true, 0));
        publisher.publish(vector(1.0));
        assertThat(node.calls).doesNotContain("author_submitExtrinsic").contains("system_accountNextIndex");
        WeightAttempt a = onlyAttempt();
        assertThat(a.outcome()).isEqualTo("dry-run");
        assertThat(a.txHash()).startsWith("0x").hasSize(66);
        assertThat(publisher.poll()).as("a dry-run set counts for the tempo").isFalse();
    }

    @Test
    void anExtrinsicThatFailsInItsBlockEndsNotIncluded() {
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 0));
        publisher.publish(vector(1.0));
        commitRevealOff();
        node.produceBlock();
        assertThat(node.rules.dispatched.get(0).error()).isEqualTo("CommitRevealDisabled");
        node.advance(6);
        publisher.poll();
        WeightAttempt a = onlyAttempt();
        assertThat(a.outcome()).isEqualTo("failed");
        assertThat(a.reason()).isEqualTo("not-included");
        assertThat(counter("validator.weights.failures", "reason", "not-included")).isEqualTo(1);
    }

    @Test
    void aSecondPublishWhileOneIsInFlightIsSkipped() {
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 0));
        publisher.publish(vector(1.0));
        publisher.publish(vector(1.0));
        assertThat(node.rules.accepted).hasSize(1);
        assertThat(attempts.recent(5)).extracting(WeightAttempt::reason).containsExactly("in-flight", null);
    }

    @Test
    void transientPoolErrorsAreRetriedWithAFreshNonce() {
        commitRevealOff();
        node.poolErrors.add(new Object[] {1014, "Priority is too low: (100 vs 100)"});
        node.poolErrors.add(new Object[] {1010, "Invalid Transaction: Transaction is outdated"});
        publisher(properties("timelock", false, 0)).publish(vector(1.0));
        assertThat(node.rules.accepted).hasSize(1);
        assertThat(onlyAttempt().outcome()).isEqualTo("submitted");
        assertThat(node.calls.stream().filter("system_accountNextIndex"::equals).count()).isEqualTo(3);
    }

    @Test
    void aPermanentRejectionIsNotRetried() {
        commitRevealOff();
        node.poolErrors.add(new Object[] {1010, "Invalid Transaction: Custom error: 6"});
        publisher(properties("timelock", false, 0)).publish(vector(1.0));
        assertThat(onlyAttempt().reason()).isEqualTo("rate-limited");
        assertThat(onlyAttempt().outcome()).isEqualTo("failed");
        assertThat(node.calls.stream().filter("author_submitExtrinsic"::equals).count()).isEqualTo(1);
    }

    @Test
    void aDeadFirstEndpointFailsOverToTheNextNode() throws Exception {
        commitRevealOff();
        try (var dead = new java.net.ServerSocket(0); var client = client(List.of(
                java.net.URI.create("http://127.0.0.1:" + dead.getLocalPort() + "/"), node.uri()))) {
            dead.close();
            publisher(properties("timelock", false, 0), client).publish(vector(1.0));
        }
        assertThat(node.rules.accepted).hasSize(1);
        assertThat(onlyAttempt().outcome()).isEqualTo("submitted");
    }

    @Test
    void healthTurnsDownAfterTwoTemposWithoutASet() {
        ChainWeightPublisher publisher = publisher(properties("timelock", false, 0));
        node.setLastUpdate(UID, 90);
        publisher.poll();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        node.advance(20);
        publisher.poll();
        assertThat(health.health().getStatus().getCode()).as("two tempos since we started watching at 100").isEqualTo("UP");
        node.advance(1);
        publisher.poll();
        assertThat(health.health().getStatus().getCode()).as("21 blocks since block 100, tempo 10").isEqualTo("DOWN");
        assertThat(health.health().getDetails()).containsEntry("blocks_since_last_set", 21L).containsEntry("last_set_block", 90L);
        Map<String, Object> gauge = Map.of("v", meters.get("validator.weights.blocks.since.last.set").gauge().value());
        assertThat(gauge).containsEntry("v", 31.0);
    }
}
