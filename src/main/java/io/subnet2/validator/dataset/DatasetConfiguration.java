package io.subnet2.validator.dataset;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.dataset.internal.SecretTable;

/** Spring beans of the dataset module. */
@Configuration(proxyBeanMethods = false)
public class DatasetConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetConfiguration.class);

    @Bean
    DatasetGenerator datasetGenerator() {
        return new DatasetGenerator();
    }

    /** The dataset secret: configured, or shared through the database (created by the first validator to start). */
    @Bean
    @DependsOnDatabaseInitialization
    DatasetSecret datasetSecret(DatasetProperties properties, JdbcClient jdbc, Environment environment) {
        return DatasetSecrets.resolve(properties.secret(),
                environment.acceptsProfiles(Profiles.of(DatasetSecrets.DEMO_PROFILE)),
                environment.getProperty(DatasetSecrets.CHAIN_MODE_PROPERTY, "local"), () -> {
                    SecretTable.Stored stored = new SecretTable(jdbc).readOrCreate(new SecureRandom());
                    LOG.info(stored.created()
                            ? "dataset secret: created a random 256-bit secret and stored it in the database (dataset_secret)"
                            : "dataset secret: read from the database (dataset_secret)");
                    return stored.secret();
                });
    }

    @Bean
    DatasetStore datasetStore(DatasetProperties properties, DatasetSecret secret, DatasetGenerator generator,
                              PathsProperties paths) {
        DatasetProperties rooted = properties.root() != null ? properties
                : properties.withRoot(paths.workDir().resolve("datasets"));
        return new DatasetStore(rooted, secret, generator);
    }
}
