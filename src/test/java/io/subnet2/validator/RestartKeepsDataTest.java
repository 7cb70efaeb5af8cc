package io.subnet2.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.subnet2.validator.tournament.NewTournament;
import io.subnet2.validator.tournament.TournamentService;

/** The embedded PostgreSQL keeps its data under the work directory across restarts. */
class RestartKeepsDataTest {

    @TempDir
    Path workDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ValidatorApplication.class).web(WebApplicationType.NONE)
                .run("--validator.paths.work-dir=" + workDir, "--spring.datasource.url=", "--server.port=0");
    }

    @Test
    void aTournamentSurvivesARestart() {
        UUID id;
        try (ConfigurableApplicationContext first = start()) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            id = first.getBean(TournamentService.class).createTournament(new NewTournament("restart", 99, now, now,
                    0, 720, 360, List.of("torus"), null, null, null)).getId();
        }
        assertThat(Files.isRegularFile(workDir.resolve("postgres/PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(TournamentService.class).getTournament(id).getName()).isEqualTo("restart");
        }
    }
}
