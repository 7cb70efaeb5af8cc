package io.subnet2.validator.dataset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring beans of the dataset module. */
@Configuration(proxyBeanMethods = false)
public class DatasetConfiguration {

    @Bean
    DatasetGenerator datasetGenerator() {
        return new DatasetGenerator();
    }

    @Bean
    DatasetStore datasetStore(DatasetProperties properties, DatasetGenerator generator) {
        return new DatasetStore(properties, generator);
    }
}
