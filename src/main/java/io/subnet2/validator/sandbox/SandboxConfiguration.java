package io.subnet2.validator.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sandbox runner bean. Creating it does not contact Docker. The orphan reaper needs to know the live
 * runs, which only the caller knows: it calls {@link SandboxRunner#scheduleReaper} with
 * {@link SandboxProperties#reaperInterval()}.
 */
@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration {

    @Bean(destroyMethod = "close")
    public SandboxRunner sandboxRunner(SandboxProperties properties) {
        return SandboxRunner.create(properties);
    }
}
