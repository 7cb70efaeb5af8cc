package io.subnet2.validator.chain;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.chain.local.ConfiguredMiners;
import io.subnet2.validator.chain.local.LocalBlockClock;
import io.subnet2.validator.chain.local.WeightFileWriter;

/** The chain ports in local mode (the only mode so far). */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BlockClock blockClock(Clock clock, ChainProperties properties) {
        return new LocalBlockClock(clock, properties.local().genesis(), properties.local().blockSeconds());
    }

    @Bean
    SubmissionCollector submissionCollector(ChainProperties properties) {
        return new ConfiguredMiners(properties.local().miners());
    }

    @Bean
    WeightPublisher weightPublisher(PathsProperties paths) {
        return new WeightFileWriter(paths.workDir().resolve("weights"));
    }
}
