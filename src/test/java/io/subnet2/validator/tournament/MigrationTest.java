package io.subnet2.validator.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Flyway on an empty PostgreSQL of its own: everything applies once, then migrating again is a no-op. */
class MigrationTest {

    @TempDir
    static Path dataDir;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migrationsApplyOnAnEmptyDatabaseAndAgainAreANoOp() {
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();

        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(8);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' order by 1", String.class);
        assertThat(tables).contains("tournaments", "submissions", "evaluation_runs", "tournament_results",
                "qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_locks",
                "qrtz_scheduler_state");
        List<String> indexes = jdbc.queryForList("select indexname from pg_indexes where schemaname = 'public'",
                String.class);
        assertThat(indexes).contains("tournaments_netuid_idx", "tournaments_status_idx",
                "tournaments_one_open_per_netuid", "submissions_tournament_idx", "submissions_hotkey_idx",
                "submissions_one_per_hotkey", "evaluation_runs_one_per_key", "tournament_results_one_per_hotkey",
                "tournament_results_score_idx");
        List<String> runColumns = jdbc.queryForList(
                "select column_name from information_schema.columns where table_name = 'evaluation_runs'", String.class);
        assertThat(runColumns).contains("execution_time_seconds", "exit_code", "pattern_recall", "data_correctness",
                "feature_time_seconds", "pattern_time_seconds", "pattern_precision", "novelty_score",
                "performance_score", "final_score", "patterns_reported", "patterns_valid", "instances_expected",
                "instances_found", "failure_kind", "attempts", "log_excerpt", "error_message", "pattern_accuracy",
                "recall_by_type");
    }
}
