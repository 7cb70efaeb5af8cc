package io.subnet2.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point as the validator drives it: environment variables, two phases, output files. */
class MainTest {

    @TempDir
    Path dir;

    private static Map<String, String> env(String phase, Path input, Path output) {
        return Map.of("ANALYZER_PHASE", phase, "ANALYZER_INPUT_PATH", input.toString(),
                "ANALYZER_OUTPUT_PATH", output.toString(), "ANALYZER_FEATURES_PATH", output.toString());
    }

    private Path runBoth(Path input, String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        assertEquals(0, Main.run(new String[0], env("features", input, out)));
        assertEquals(0, Main.run(new String[0], env("patterns", input, out)));
        return out;
    }

    @Test
    void twoRunsOnTheSameInputWriteByteIdenticalFiles() throws Exception {
        SyntheticData.Dataset data = SyntheticData.generate(3, 30_000, 6, 2);
        Path input = Files.createDirectories(dir.resolve("input"));
        Fixtures.writeTransfers(input, data.rows());
        Fixtures.writeLabels(input, data.labels());
        Path first = runBoth(input, "run1");
        Path second = runBoth(input, "run2");
        for (String file : List.of("features.parquet", "patterns.parquet")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        try (Stream<Path> files = Files.list(first)) {
            assertEquals(Set.of("features.parquet", "patterns.parquet"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "only the two outputs");
        }
        List<OutputFiles.Row> patterns = OutputFiles.patterns(first.resolve("patterns.parquet"));
        assertTrue(patterns.size() > 40, "patterns: " + patterns.size());
        Set<String> types = new HashSet<>();
        RuleChecker checker = new RuleChecker(data.rows(), Set.copyOf(flagged(data)));
        for (OutputFiles.Row p : patterns) {
            assertNull(checker.invalidReason(p.type(), p.addresses()), p::toString);
            assertTrue(p.id().startsWith(p.type() + "_"), p.id());
            types.add(p.type());
        }
        assertEquals(8, types.size(), "every type reported: " + types);
        NaiveFeatures.assertMatches(data.rows(), OutputFiles.features(first.resolve("features.parquet")));
    }

    private static List<String> flagged(SyntheticData.Dataset data) {
        return data.labels().entrySet().stream()
                .filter(e -> e.getValue().get(0).equals("flagged") || e.getValue().get(2).equals("critical"))
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void unknownPhaseMissingInputAndBrokenParquetFailWithExitCodeOne() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path out = Files.createDirectories(dir.resolve("out"));
        assertEquals(1, Main.run(new String[0], env("train", input, out)));
        assertEquals(1, Main.run(new String[0], env("features", dir.resolve("absent"), out)));
        assertEquals(1, Main.run(new String[0], env("features", input, out)), "no transfers.parquet");
        Files.writeString(input.resolve("transfers.parquet"), "not a parquet file");
        assertEquals(1, Main.run(new String[0], env("patterns", input, out)));
    }

    @Test
    void phaseArgumentOverridesTheVariable() throws Exception {
        Path input = new Scenario().transfer("a", "b", Scenario.T0, 5).write(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        assertEquals(0, Main.run(new String[] {"features"}, env("nonsense", input, out)));
        assertTrue(Files.isRegularFile(out.resolve("features.parquet")));
    }

    @Test
    void emptyTransfersGiveEmptyButValidOutputs() throws Exception {
        Path input = new Scenario().write(dir);
        Path out = runBoth(input, "empty");
        assertTrue(OutputFiles.features(out.resolve("features.parquet")).addresses().isEmpty());
        assertTrue(OutputFiles.patterns(out.resolve("patterns.parquet")).isEmpty());
    }

    @Test
    void noHadoopOnTheClasspath() {
        // surefire leaves hadoop-client-api out, as the shaded jar does: everything above ran without it
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
    }
}
