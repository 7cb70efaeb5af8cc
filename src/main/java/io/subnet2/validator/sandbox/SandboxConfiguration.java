package io.subnet2.validator.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.PathsProperties;

/**
 * The sandbox runner bean. Creating it does not contact Docker. The orphan reaper needs to know the live
 * runs, which only the caller knows: it calls {@link SandboxRunner#scheduleReaper} with
 * {@link SandboxProperties#reaperInterval()}.
 */
@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration {

    @Bean(destroyMethod = "close")
    public SandboxRunner sandboxRunner(SandboxProperties properties, PathsProperties paths) {
        SandboxProperties effective = properties;
        if (properties.pathMapping() == null && !paths.hostWorkDir().equals(paths.workDir())) {
            effective = properties.withPathMapping(
                    new SandboxProperties.PathMapping(paths.workDir(), paths.hostWorkDir()));
        }
        return SandboxRunner.create(effective);
    }
}
