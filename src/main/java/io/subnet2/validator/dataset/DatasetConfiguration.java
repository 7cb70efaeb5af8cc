package io.subnet2.validator.dataset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.PathsProperties;

/** Spring beans of the dataset module. */
@Configuration(proxyBeanMethods = false)
public class DatasetConfiguration {

    @Bean
    DatasetGenerator datasetGenerator() {
        return new DatasetGenerator();
    }

    @Bean
    DatasetStore datasetStore(DatasetProperties properties, DatasetGenerator generator, PathsProperties paths) {
        DatasetProperties rooted = properties.root() != null ? properties
                : properties.withRoot(paths.workDir().resolve("datasets"));
        return new DatasetStore(rooted, generator);
    }
}
