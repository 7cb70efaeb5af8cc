package io.subnet2.validator.scoring;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline analyzer of examples/baseline-analyzer run in this JVM: its shaded jar in a class
 * loader of its own (so its parquet and Avro classes never mix with the validator's), both phases
 * called as its Main would. The honest output the red-team suite compares against, without Docker.
 */
final class InProcessBaseline {

    static final Path JAR = Path.of("examples", "baseline-analyzer", "target", "baseline-analyzer.jar")
            .toAbsolutePath();

    private InProcessBaseline() {
    }

    /** Writes features.parquet and patterns.parquet of the baseline for {@code input} into {@code output}. */
    static Path run(Path input, Path output) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            fail("baseline analyzer jar missing: run ./mvnw -B -f examples/baseline-analyzer/pom.xml package");
        }
        Files.createDirectories(output);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                phase(loader, "io.subnet2.baseline.features.FeaturesPhase", input, output);
                phase(loader, "io.subnet2.baseline.patterns.PatternsPhase", input, output);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return output;
    }

    private static void phase(ClassLoader loader, String type, Path input, Path output) throws Exception {
        try {
            loader.loadClass(type).getMethod("run", Path.class, Path.class).invoke(null, input, output);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
