package io.subnet2.validator.endtoend;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;

import io.subnet2.validator.testsupport.DockerTestSupport;

/** The baseline analyzer of examples/baseline-analyzer, as tests use it: its jar and a local image of it. */
final class BaselineAnalyzer {

    static final Path PROJECT = Path.of("examples", "baseline-analyzer").toAbsolutePath();
    static final Path JAR = PROJECT.resolve("target/baseline-analyzer.jar");

    private BaselineAnalyzer() {
    }

    /** Fails when the jar is missing: `.ci/run` and README's test command build it first. */
    static void requireJar() {
        if (!Files.isRegularFile(JAR)) {
            fail("baseline analyzer jar missing: run ./mvnw -B -f examples/baseline-analyzer/pom.xml package");
        }
    }

    /** Builds the baseline image on the local JRE base image (no registry) and returns its tag. */
    static String buildImage(DockerClient docker, String tag) {
        requireJar();
        DockerTestSupport.requireImage(docker, DockerTestSupport.JRE_BASE);
        try {
            docker.buildImageCmd(PROJECT.toFile()).withTags(Set.of(tag))
                    .withBuildArg("BASE_IMAGE", DockerTestSupport.JRE_BASE).withPull(false)
                    .withLabels(Map.of("subnet2.test", "true"))
                    .exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            fail("cannot build the baseline image: " + e.getMessage());
        }
        return tag;
    }
}
