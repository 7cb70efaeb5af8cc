package io.subnet2.validator.chain.bittensor.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.bittensor.scale.Hex;

/** Storage keys against the ones spec/bittensor.md quotes (read from a live node's metadata by the spec's author). */
class StorageKeysTest {

    static final String SUBTENSOR = "0x658faa385070e074c85bf6b568cf0555";

    @Test
    void keysMatchTheSpecsConstants() {
        assertThat(Hex.encode(StorageKeys.twox128("SubtensorModule"))).isEqualTo(SUBTENSOR);
        assertThat(StorageKeys.byNetuid("CommitRevealWeightsEnabled", 2))
                .isEqualTo(SUBTENSOR + "8fb0d3eb3d4ea01122652b09d1d43c65" + "0200");
        assertThat(StorageKeys.byNetuid("WeightsSetRateLimit", 2)).isEqualTo(SUBTENSOR + "2d919f5b3b970cd2c91638872d3aa64c0200");
        assertThat(StorageKeys.lastUpdate(2)).isEqualTo(SUBTENSOR + "696e262a16e52255a69d8acd793541460200");
        assertThat(StorageKeys.revealPeriodEpochs(2)).startsWith(SUBTENSOR + "8f232bcbac768c1d6201850c60f161ed").endsWith("0200")
                .hasSize(2 + 2 * (32 + 8 + 2));
        assertThat(StorageKeys.lastStoredRound())
                .isEqualTo("0xa285cdb66e8b8524ea70b1693c7b1e05087f3dd6e0ceded0e388dd34f810a73d");
    }
}
