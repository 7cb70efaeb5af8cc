package io.subnet2.validator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code validator.sandbox.*} binds onto {@link SandboxProperties}, is validated, and yields the runner bean. */
class SandboxBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ SandboxProperties.class, io.subnet2.validator.PathsProperties.class })
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, SandboxConfiguration.class);

    @Test
    void bindsPropertiesAndCreatesTheRunnerWithoutContactingDocker() {
        context.withPropertyValues("validator.sandbox.memory-bytes=1073741824", "validator.sandbox.features-timeout=90s",
                "validator.sandbox.cpuset-cpus=0-1", "validator.sandbox.max-parallel=4",
                "validator.sandbox.path-mapping.local=/work", "validator.sandbox.path-mapping.host=/srv/work",
                "validator.sandbox.docker-host=unix:///nonexistent/docker.sock")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(SandboxRunner.class);
                    SandboxProperties properties = ctx.getBean(SandboxProperties.class);
                    assertThat(properties.limits().memoryBytes()).isEqualTo(1L << 30);
                    assertThat(properties.limits().featuresTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(properties.limits().patternsTimeout()).isEqualTo(Duration.ofSeconds(600));
                    assertThat(properties.limits().cpusetCpus()).isEqualTo("0-1");
                    assertThat(properties.maxParallel()).isEqualTo(4);
                    assertThat(properties.pathMapping().toHost(Path.of("/work/x"))).isEqualTo(Path.of("/srv/work/x"));
                });
    }

    @Test
    void refusesInvalidValues() {
        context.withPropertyValues("validator.sandbox.max-parallel=0").run(ctx -> assertThat(ctx).hasFailed());
        context.withPropertyValues("validator.sandbox.cpuset-cpus=0;1").run(ctx -> assertThat(ctx).hasFailed());
        context.withPropertyValues("validator.sandbox.seccomp-profile=/nonexistent/seccomp.json")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
