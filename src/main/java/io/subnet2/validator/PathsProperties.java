package io.subnet2.validator;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the validator keeps its files. {@code hostWorkDir} is the same folder as the Docker host sees
 * it (differs only when the validator itself runs in a container); it defaults to {@code workDir}.
 */
@Validated
@ConfigurationProperties(prefix = "validator.paths")
public record PathsProperties(@NotNull Path workDir, Path hostWorkDir) {

    public PathsProperties {
        if (workDir == null) {
            workDir = Path.of("work");
        }
        workDir = workDir.toAbsolutePath().normalize();
        hostWorkDir = hostWorkDir == null ? workDir : hostWorkDir.toAbsolutePath().normalize();
    }

    /** Data directory of the embedded PostgreSQL. */
    public Path postgresDir() {
        return workDir.resolve("postgres");
    }
}
