package io.subnet2.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Quick-start defaults: local chain mode only, below every explicit setting, and can be turned off. */
class LocalQuickStartTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new LocalQuickStart().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void localModeGetsShortEpochsAndFastCrons() {
        StandardEnvironment env = environment(Map.of());
        assertThat(env.getProperty("validator.schedule.epoch-start")).isEqualTo("0 * * * * ?");
        assertThat(env.getProperty("validator.tournaments.epoch-blocks")).isEqualTo("25");
        assertThat(env.getProperty("validator.tournaments.registration")).isEqualTo("5m");
        assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
                .as("lowest priority").isEqualTo(LocalQuickStart.SOURCE_NAME);
    }

    @Test
    void explicitSettingsWin() {
        StandardEnvironment env = environment(Map.of("validator.tournaments.epoch-blocks", "360"));
        assertThat(env.getProperty("validator.tournaments.epoch-blocks")).isEqualTo("360");
        assertThat(env.getProperty("validator.schedule.evaluation")).isEqualTo("20 * * * * ?");
    }

    @Test
    void otherChainModesKeepThePlansSchedule() {
        StandardEnvironment env = environment(Map.of("validator.chain.mode", "bittensor"));
        assertThat(env.getProperty("validator.schedule.epoch-start")).isNull();
        assertThat(env.getPropertySources().contains(LocalQuickStart.SOURCE_NAME)).isFalse();
    }

    @Test
    void canBeTurnedOff() {
        StandardEnvironment env = environment(Map.of("validator.tournaments.local-quick-start", "false"));
        assertThat(env.getProperty("validator.tournaments.epoch-blocks")).isNull();
    }
}
