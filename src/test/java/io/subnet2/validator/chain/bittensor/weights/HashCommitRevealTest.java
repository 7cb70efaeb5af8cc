package io.subnet2.validator.chain.bittensor.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.WeightAttempt;

/** The v2 fallback (commit-reveal: hash): commit_weights, then reveal_weights in exactly the reveal epoch. */
class HashCommitRevealTest extends WeightPublisherTestBase {

    @Test
    void commitsAHashAndRevealsItInTheRevealEpoch() {
        ChainWeightPublisher publisher = publisher(properties("hash", false, 3));
        node.setU64(StorageKeys.byNetuid("SubnetEpochIndex", NETUID), 4);
        publisher.publish(vector(0.25, 1.0));
        WeightRules.Extrinsic commit = node.rules.accepted.get(0);
        assertThat(commit.callIndex()).isEqualTo(WeightCalls.COMMIT_WEIGHTS);
        node.produceBlock();
        assertThat(node.rules.dispatched.get(0).error()).isNull();

        publisher.poll();
        assertThat(node.rules.accepted).as("epoch 4 is the commit's own epoch: no reveal yet").hasSize(1);

        node.setU64(StorageKeys.byNetuid("SubnetEpochIndex", NETUID), 5);
        node.nextEpochStart = node.head + 10;
        publisher.poll();
        assertThat(node.rules.accepted).hasSize(2);
        WeightRules.Extrinsic reveal = node.rules.accepted.get(1);
        assertThat(reveal.callIndex()).isEqualTo(WeightCalls.REVEAL_WEIGHTS);
        assertThat(reveal.args()).containsEntry("uids", List.of(0, 1)).containsEntry("values", List.of(16384, 65535))
                .containsEntry("version_key", 3L);
        assertThat(reveal.nonce()).isEqualTo(commit.nonce() + 1);
        node.produceBlock();
        assertThat(node.rules.dispatched.get(1).error()).as("the fake recomputes the hash and checks the epoch").isNull();

        publisher.poll();
        assertThat(attempts.recent(5)).extracting(WeightAttempt::call, WeightAttempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reveal_weights", "confirmed"),
                org.assertj.core.groups.Tuple.tuple("commit_weights", "confirmed"));
    }

    @Test
    void aCommitWhoseRevealEpochPassedIsReportedMissed() {
        ChainWeightPublisher publisher = publisher(properties("hash", false, 0));
        publisher.publish(vector(1.0));
        node.produceBlock();
        publisher.poll();
        node.setU64(StorageKeys.byNetuid("SubnetEpochIndex", NETUID), 2);
        publisher.poll();
        assertThat(node.rules.accepted).as("too late: no reveal is sent").hasSize(1);
        assertThat(counter("validator.weights.failures", "reason", "reveal-missed")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM weight_reveals", String.class)).isEqualTo("missed");
    }

    @Test
    void aRevealIsNotSentInTheLastBlocksOfItsEpoch() {
        ChainWeightPublisher publisher = publisher(properties("hash", false, 0));
        publisher.publish(vector(1.0));
        node.produceBlock();
        node.setU64(StorageKeys.byNetuid("SubnetEpochIndex", NETUID), 1);
        node.nextEpochStart = node.head + 2;
        publisher.poll();
        assertThat(node.rules.accepted).hasSize(1);
    }
}
