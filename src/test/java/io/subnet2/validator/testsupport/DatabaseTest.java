package io.subnet2.validator.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of tests that need the whole application on a real PostgreSQL (embedded, or the server of
 * {@code SUBNET2_TEST_DB_URL}). All subclasses share one cached context; each test starts from empty tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "validator.paths.work-dir=target/test-work/app",
        "validator.api.admin-token=" + DatabaseTest.ADMIN_TOKEN,
        "spring.datasource.url=${SUBNET2_TEST_DB_URL:}"})
public abstract class DatabaseTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE tournament_results, evaluation_runs, submissions, tournaments CASCADE");
    }
}
