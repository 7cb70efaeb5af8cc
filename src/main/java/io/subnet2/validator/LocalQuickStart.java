package io.subnet2.validator;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * In local chain mode, {@code local-quick-start.yml} (short epochs, fast cron strings) is added as the
 * lowest-priority property source, so {@code ./mvnw spring-boot:run} shows a tournament progressing
 * within minutes while every explicit setting still wins. Any other chain mode keeps the plan's daily
 * schedule. Off with {@code validator.tournaments.local-quick-start=false}.
 */
public class LocalQuickStart implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "local-quick-start.yml";
    static final String SOURCE_NAME = "local-quick-start";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean local = "local".equals(environment.getProperty("validator.chain.mode", "local"));
        boolean wanted = environment.getProperty("validator.tournaments.local-quick-start", Boolean.class, true);
        if (!local || !wanted || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(SOURCE_NAME,
                    new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** After the config files are loaded (it reads validator.chain.mode from them). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
