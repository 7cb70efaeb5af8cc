package io.subnet2.validator.chain.bittensor.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.WeightVector;
import io.subnet2.validator.chain.bittensor.timelock.Quicknet;

/** Float-to-u16 conversion as the SDK does it, hostile vectors, mortal eras and reveal-round arithmetic. */
class U16WeightsTest {

    static WeightVector vector(List<WeightVector.UidWeight> weights) {
        return new WeightVector(null, 0, "p", weights);
    }

    static WeightVector.UidWeight w(int uid, double weight) {
        return new WeightVector.UidWeight(uid, weight);
    }

    @Test
    void dividesByTheMaxRoundsHalfToEvenAndDropsZeros() {
        U16Weights u = U16Weights.of(vector(List.of(w(0, 0.5), w(1, 0.25), w(2, 0.0), w(3, 1e-7), w(4, 0.125))));
        // 0.25/0.5·65535 = 32767.5 → 32768 (half to even); 1e-7/0.5·65535 = 0.013 → 0, dropped
        assertThat(u.uids()).containsExactly(0, 1, 4);
        assertThat(u.values()).containsExactly(65535, 32768, 16384);
        assertThat(U16Weights.of(vector(List.of(w(0, 0.0), w(1, 0.0)))).isEmpty()).isTrue();
    }

    @Test
    void hostileVectorsAreRefused() {
        assertThatThrownBy(() -> U16Weights.of(vector(List.of(w(0, Double.NaN))))).hasMessageContaining("NaN");
        assertThatThrownBy(() -> U16Weights.of(vector(List.of(w(0, -0.1), w(1, 1))))).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> U16Weights.of(vector(List.of(w(0, Double.POSITIVE_INFINITY))))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> U16Weights.of(vector(List.of(w(3, 0.5), w(3, 0.5))))).hasMessageContaining("twice");
        assertThatThrownBy(() -> U16Weights.of(vector(List.of(w(70_000, 1))))).hasMessageContaining("not a u16");
    }

    @Test
    void mortalErasRoundTripAndBirthIsTheLatestPhaseBlock() {
        MortalEra era = MortalEra.at(1_000_123, 64);
        assertThat(era.period()).isEqualTo(64);
        assertThat(era.phase()).isEqualTo(1_000_123 % 64);
        assertThat(era.birth(1_000_123)).isEqualTo(1_000_123);
        assertThat(era.birth(1_000_130)).isEqualTo(1_000_123);
        byte[] bytes = era.encode();
        assertThat(MortalEra.decode(bytes[0] & 0xff, bytes[1] & 0xff)).isEqualTo(era);
        assertThat(MortalEra.at(5, 100).period()).as("rounded up to a power of two").isEqualTo(128);
        assertThatThrownBy(() -> new MortalEra(48, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revealRoundAimsAtTheRevealEpochsStartPlusThreeBlocks() {
        assertThat(RevealRound.revealBlock(1000, 360, 1)).isEqualTo(1003);
        assertThat(RevealRound.revealBlock(1000, 360, 3)).isEqualTo(1000 + 720 + 3);
        Instant now = Instant.ofEpochSecond(Quicknet.GENESIS_SECONDS + 30_000);
        // 1003 - 990 = 13 blocks of 12 s ahead = 156 s; (30000 + 156) / 3 = 10052
        assertThat(RevealRound.round(990, now, 1000, 360, 1, 12, 0)).isEqualTo(10_052);
        assertThat(RevealRound.round(990, now, 1000, 360, 1, 12, 20_000)).as("never below LastStoredRound")
                .isEqualTo(20_000);
    }
}
