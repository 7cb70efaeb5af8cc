package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.dataset.internal.SecretTable;
import io.subnet2.validator.testsupport.DatabaseTest;

/** The secret created at first start lives in PostgreSQL (Flyway V5) and is shared by every validator on it. */
@ExtendWith(OutputCaptureExtension.class)
class DatasetSecretStorageTest extends DatabaseTest {

    /** Not a @Configuration, which @SpringBootTest would take for the application's own. */
    @EnableConfigurationProperties({ DatasetProperties.class, PathsProperties.class })
    static class Props {
    }

    @Autowired
    DatasetSecret applicationSecret;

    @Autowired
    DataSource dataSource;

    /** Another validator's dataset configuration on the same database. */
    private ApplicationContextRunner otherValidator() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withUserConfiguration(Props.class, DatasetConfiguration.class)
                .withBean(JdbcClient.class, () -> JdbcClient.create(dataSource))
                .withPropertyValues("validator.paths.work-dir=target/test-work/secret");
    }

    private String storedRow() {
        return jdbc.queryForObject("SELECT secret FROM dataset_secret WHERE id = 1", String.class);
    }

    @Test
    void theApplicationUsesARandomSecretStoredInTheDatabase(CapturedOutput output) {
        assertThat(applicationSecret.isDevelopment()).isFalse();
        assertThat(applicationSecret.value()).matches("[0-9a-f]{64}").isEqualTo(storedRow());
        otherValidator().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DatasetSecret.class)).isEqualTo(applicationSecret);
        });
        assertThat(output.getAll()).contains("dataset secret: read from the database").doesNotContain(storedRow());
    }

    @Test
    void aConfiguredSecretIsUsedAndTheStoredOneLeftAlone() {
        String before = storedRow();
        otherValidator().withPropertyValues("validator.dataset.secret=operator-secret-0123456789").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DatasetSecret.class).value()).isEqualTo("operator-secret-0123456789");
        });
        assertThat(storedRow()).isEqualTo(before);
    }

    @Test
    void startupFailsWithTheDevelopmentValueInChainModeOrOutsideTheDemoProfile() {
        String dev = "validator.dataset.secret=" + DatasetSecret.DEVELOPMENT_VALUE;
        otherValidator().withPropertyValues(dev, "validator.chain.mode=bittensor", "spring.profiles.active=demo")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("validator.chain.mode=bittensor"));
        otherValidator().withPropertyValues(dev).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("'demo' profile"));
        otherValidator().withPropertyValues(dev, "spring.profiles.active=demo").run(context ->
                assertThat(context.getBean(DatasetSecret.class).isDevelopment()).isTrue());
    }

    @Test
    void validatorsStartingTogetherOnAnEmptyTableAgreeOnOneSecret() throws Exception {
        String original = storedRow();
        jdbc.update("DELETE FROM dataset_secret");
        int validators = 8;
        ExecutorService pool = Executors.newFixedThreadPool(validators);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SecretTable.Stored>> results = new ArrayList<>();
            for (int i = 0; i < validators; i++) {
                SecretTable table = new SecretTable(JdbcClient.create(dataSource));
                results.add(pool.submit(() -> {
                    start.await();
                    return table.readOrCreate(new SecureRandom());
                }));
            }
            start.countDown();
            List<SecretTable.Stored> stored = new ArrayList<>();
            for (Future<SecretTable.Stored> result : results) {
                stored.add(result.get());
            }
            assertThat(stored).extracting(SecretTable.Stored::secret).containsOnly(new DatasetSecret(storedRow()));
            assertThat(stored).filteredOn(SecretTable.Stored::created).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_secret", Integer.class)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            jdbc.update("DELETE FROM dataset_secret");
            jdbc.update("INSERT INTO dataset_secret (id, secret) VALUES (1, ?)", original);
        }
    }
}
