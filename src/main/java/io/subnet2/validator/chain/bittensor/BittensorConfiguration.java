package io.subnet2.validator.chain.bittensor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.chain.ChainProperties;
import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.SubmissionCollector;
import io.subnet2.validator.chain.bittensor.dendrite.DendriteCollector;
import io.subnet2.validator.submission.SubmissionPipeline;

/** The chain ports in bittensor mode; the context does not start unless the checks of {@link BittensorChain} pass. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "bittensor")
class BittensorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BittensorConfiguration.class);

    @Bean(destroyMethod = "close")
    BittensorChain bittensorChain(ChainProperties properties) {
        BittensorChain chain = BittensorChain.connect(properties.bittensor());
        try {
            Neuron self = chain.requireRegistered();
            log.info("bittensor mode: netuid {} via {} (runtime {} spec_version {}), hotkey {} uid {} stake {} rao "
                    + "validator_permit {}", chain.netuid(), chain.rpc().currentEndpoint(), chain.runtime().specName(),
                    chain.runtime().specVersion(), self.hotkey(), self.uid(), self.stake(), self.validatorPermit());
            if (!self.validatorPermit()) {
                log.warn("hotkey {} holds no validator permit on netuid {}: miners usually blacklist such callers (403)",
                        self.hotkey(), chain.netuid());
            }
            return chain;
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    @Bean
    BlockClock blockClock(BittensorChain chain) {
        return chain.blockClock();
    }

    @Bean
    MinerDirectory minerDirectory(BittensorChain chain) {
        return chain.directory();
    }

    @Bean
    SubmissionCollector submissionCollector(BittensorChain chain, MinerDirectory directory,
            SubmissionPipeline pipeline, MeterRegistry meters) {
        return new DendriteCollector(directory, chain.dendrite(),
                answer -> pipeline.checkReference(answer.repositoryUrl(), answer.commitHash()), meters,
                chain.dendriteConcurrency());
    }
}
