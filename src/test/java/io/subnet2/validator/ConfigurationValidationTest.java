package io.subnet2.validator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.chain.ChainProperties;

/** Bad configuration stops the context with a message that names the property. */
class ConfigurationValidationTest {

    @Configuration
    @EnableConfigurationProperties({ ChainProperties.class, PathsProperties.class })
    static class Props {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Props.class);

    @Test
    void defaultsBind() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ChainProperties chain = context.getBean(ChainProperties.class);
            assertThat(chain.mode()).isEqualTo("local");
            assertThat(chain.local().blockSeconds()).isEqualTo(12);
            PathsProperties paths = context.getBean(PathsProperties.class);
            assertThat(paths.hostWorkDir()).isEqualTo(paths.workDir());
        });
    }

    @Test
    void zeroBlockSecondsIsRefusedNamingTheProperty() {
        runner.withPropertyValues("validator.chain.local.block-seconds=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("validator.chain.local.blockSeconds");
        });
    }

    @Test
    void unknownChainModeIsRefusedNamingTheProperty() {
        runner.withPropertyValues("validator.chain.mode=ethereum").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("validator.chain.mode");
        });
    }

    @Test
    void malformedGenesisIsRefusedNamingTheProperty() {
        runner.withPropertyValues("validator.chain.local.genesis=yesterday").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("validator.chain.local.genesis");
        });
    }

}
