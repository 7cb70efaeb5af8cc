package io.subnet2.validator.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.subnet2.validator.CliCommand;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code score --input DIR --ground-truth FILE --output DIR [--features-seconds S --patterns-seconds S
 * --baseline-features-seconds S --baseline-patterns-seconds S] [--config scoring.json] [--index-dir DIR]}:
 * scores one analyzer output against a dataset and prints one JSON object (the {@link RunScore}: v2's
 * patternAccuracy = average precision, recall, precision, recallByType, ...), and a summary line on stderr.
 * With {@code --index-dir} the dataset's index is stored in DIR and reused by later calls. No Spring,
 * no database. Exit 0 when scored (a miner fault is a score), 2 on bad usage or an unreadable dataset.
 */
public final class ScoreCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("--input", "--ground-truth", "--output", "--features-seconds",
            "--patterns-seconds", "--baseline-features-seconds", "--baseline-patterns-seconds", "--config", "--index-dir");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "score";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println(usage("unknown or incomplete option " + args[i]));
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--input") || !options.containsKey("--ground-truth")
                || !options.containsKey("--output")) {
            err.println(usage("--input, --ground-truth and --output are required"));
            return 2;
        }
        try {
            ScoringProperties props = options.containsKey("--config")
                    ? ScoringProperties.fromJson(Files.readString(Path.of(options.get("--config"))))
                    : ScoringProperties.defaults();
            PhaseTimes miner = PhaseTimes.of(seconds(options, "--features-seconds"),
                    seconds(options, "--patterns-seconds"));
            PhaseTimes baseline = PhaseTimes.of(seconds(options, "--baseline-features-seconds"),
                    seconds(options, "--baseline-patterns-seconds"));
            long start = System.nanoTime();
            Path input = Path.of(options.get("--input"));
            Path groundTruth = Path.of(options.get("--ground-truth"));
            Path output = Path.of(options.get("--output"));
            RunScore score = options.containsKey("--index-dir")
                    ? RunScorer.score(ScoringDataset.loadStored(input, groundTruth, Path.of(options.get("--index-dir")),
                            props), output, miner, baseline)
                    : RunScorer.score(new RunScoreRequest(input, groundTruth, output, miner, baseline, props));
            out.println(JSON.writeValueAsString(score));
            err.printf("scored in %.2f s: pattern_accuracy (average precision) %.4f, recall %.4f, precision %.4f,"
                    + " final %.4f%n", (System.nanoTime() - start) / 1e9, score.patternAccuracy(), score.recall(),
                    score.precision(), score.finalScore());
            return 0;
        } catch (DatasetUnreadableException | IOException | IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            return 2;
        }
    }

    private static Double seconds(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        double seconds = Double.parseDouble(value);
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(name + " must be a non-negative number of seconds");
        }
        return seconds;
    }

    private static String usage(String problem) {
        return "score: " + problem + "\nusage: score --input DIR --ground-truth FILE --output DIR"
                + " [--features-seconds S --patterns-seconds S --baseline-features-seconds S"
                + " --baseline-patterns-seconds S] [--config scoring.json] [--index-dir DIR]";
    }
}
