package io.subnet2.baseline;

import io.subnet2.baseline.features.FeaturesPhase;
import io.subnet2.baseline.patterns.PatternsPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point (analyzer contract v1): ANALYZER_PHASE selects {@code features} or {@code patterns};
 * input and output folders come from ANALYZER_INPUT_PATH and ANALYZER_OUTPUT_PATH. A phase given
 * as the first argument overrides the variable (handy for local runs).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        String phase = args.length > 0 ? args[0] : env.getOrDefault("ANALYZER_PHASE", "");
        Path input = Path.of(env.getOrDefault("ANALYZER_INPUT_PATH", "/data/input"));
        Path output = Path.of(env.getOrDefault("ANALYZER_OUTPUT_PATH", "/data/output"));
        long start = System.nanoTime();
        try {
            if (!Files.isDirectory(input)) {
                throw new IllegalArgumentException("input folder " + input + " does not exist");
            }
            Files.createDirectories(output);
            switch (phase.trim().toLowerCase(Locale.ROOT)) {
                case "features" -> FeaturesPhase.run(input, output);
                case "patterns" -> PatternsPhase.run(input, output);
                default -> throw new IllegalArgumentException(
                        "ANALYZER_PHASE must be 'features' or 'patterns', got '" + phase + "'");
            }
            Log.step("phase " + phase + " done", start);
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            System.err.println("[baseline] phase " + phase + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
