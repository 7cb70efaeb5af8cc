package io.subnet2.validator.chain;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.chain.local.LocalBlockClock;

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
}
