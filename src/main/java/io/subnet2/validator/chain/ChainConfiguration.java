package io.subnet2.validator.chain;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.chain.local.ConfiguredMiners;
import io.subnet2.validator.chain.local.LocalBlockClock;
import io.subnet2.validator.chain.local.LocalMinerDirectory;
import io.subnet2.validator.chain.local.WeightFileWriter;

/**
 * The chain ports in local mode; bittensor mode's are in {@code chain.bittensor.BittensorConfiguration}.
 * Local mode writes weights to a file; bittensor mode sets them on chain ({@code chain.bittensor.weights}).
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "local", matchIfMissing = true)
    BlockClock blockClock(Clock clock, ChainProperties properties) {
        return new LocalBlockClock(clock, properties.local().genesis(), properties.local().blockSeconds());
    }

    @Bean
    @ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "local", matchIfMissing = true)
    SubmissionCollector submissionCollector(ChainProperties properties) {
        return new ConfiguredMiners(properties.local().miners());
    }

    @Bean
    @ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "local", matchIfMissing = true)
    MinerDirectory minerDirectory(ChainProperties properties) {
        return new LocalMinerDirectory(properties.local().miners());
    }

    @Bean
    @ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "local", matchIfMissing = true)
    WeightPublisher weightPublisher(PathsProperties paths) {
        return new WeightFileWriter(paths.workDir().resolve("weights"));
    }
}
