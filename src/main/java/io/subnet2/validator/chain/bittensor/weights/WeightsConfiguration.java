package io.subnet2.validator.chain.bittensor.weights;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.subnet2.validator.chain.ChainProperties;
import io.subnet2.validator.chain.WeightPublisher;
import io.subnet2.validator.chain.bittensor.BittensorChain;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.timelock.TimelockEncryption;

/** Weights on chain in bittensor mode: the publisher, its attempt log, metrics and health indicator. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "bittensor")
class WeightsConfiguration {

    @Bean
    WeightAttempts weightAttempts(JdbcClient jdbc) {
        return new WeightAttempts(jdbc);
    }

    @Bean
    WeightsMetrics weightsMetrics(MeterRegistry registry) {
        return new WeightsMetrics(registry);
    }

    /** Actuator health component {@code weights}. */
    @Bean
    WeightsHealth weightsHealthIndicator() {
        return new WeightsHealth();
    }

    @Bean
    WeightPublisher weightPublisher(BittensorChain chain, ChainProperties chainProperties, WeightsProperties properties,
            WeightAttempts attempts, WeightsMetrics metrics, WeightsHealth health, Clock clock) {
        Sr25519Keypair hotkey = chain.hotkey();
        ExtrinsicSigner signer = ExtrinsicSigner.of(hotkey);
        return new ChainWeightPublisher(chain.netuid(), signer, hotkey.ss58(), new WeightsChain(chain.rpc()), attempts,
                metrics, health, properties, clock, TimelockEncryption::quicknet,
                (int) chainProperties.bittensor().blockTime().toSeconds());
    }
}
