package io.subnet2.validator.evaluate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subnet2.validator.CliCommand;
import io.subnet2.validator.evaluate.internal.EvaluationOptions;
import io.subnet2.validator.evaluate.internal.LocalEvaluation;
import io.subnet2.validator.evaluate.internal.Report;

/**
 * {@code evaluate --repo DIR|URL [--commit SHA] [--transfers N] [--seed N] [--baseline DIR|none]
 * [--build-arg NAME=VALUE]... [--baseline-build-arg NAME=VALUE]... [--work DIR] [--keep]}: what the
 * validator would do with a submission, on this machine: policy and checks, image build, a generated
 * dataset, both sandbox phases, scoring against the baseline's times on the same data. Progress goes
 * to stderr; stdout gets a readable report followed by one JSON line. No Spring, no database.
 * Exit 0 when the analyzer was evaluated (whatever it scored), 1 when it was rejected or failed a
 * phase, 2 on bad usage or when this machine cannot run the evaluation (no Docker engine).
 */
public final class EvaluateCommand implements CliCommand {

    private static final Set<String> VALUED = Set.of("--repo", "--commit", "--transfers", "--seed", "--baseline",
            "--build-arg", "--baseline-build-arg", "--work");
    private static final Set<String> FLAGS = Set.of("--keep");

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        EvaluationOptions options;
        LocalEvaluation evaluation;
        try {
            options = parse(args);
            evaluation = LocalEvaluation.connect(options, err::println);
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (LocalEvaluation.CannotEvaluate e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
        try (evaluation) {
            Report report = evaluation.run();
            out.print(report.text());
            out.println(report.json());
            return report.evaluated() ? 0 : 1;
        }
    }

    static EvaluationOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> buildArgs = new ArrayList<>();
        List<String> baselineBuildArgs = new ArrayList<>();
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                keep = true;
                continue;
            }
            if (!VALUED.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--build-arg" -> buildArgs.add(value);
                case "--baseline-build-arg" -> baselineBuildArgs.add(value);
                default -> {
                    if (values.put(name, value) != null) {
                        throw new IllegalArgumentException(name + " given twice");
                    }
                }
            }
        }
        String repo = values.get("--repo");
        if (repo == null) {
            throw new IllegalArgumentException("--repo is required");
        }
        String baseline = values.getOrDefault("--baseline", "examples/baseline-analyzer");
        Path work = values.containsKey("--work") ? Path.of(values.get("--work")) : null;
        if (work != null && Files.exists(work)) {
            throw new IllegalArgumentException("--work " + work + " must not exist yet");
        }
        return new EvaluationOptions(repo, values.get("--commit"),
                longValue(values, "--transfers", 100_000), longValue(values, "--seed", 1),
                "none".equals(baseline) ? null : Path.of(baseline),
                EvaluationOptions.buildArgs(buildArgs), EvaluationOptions.buildArgs(baselineBuildArgs), work, keep);
    }

    private static long longValue(Map<String, String> values, String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
    }

    private static String usage() {
        return "usage: evaluate --repo DIR|URL [--commit SHA (required for a URL)] [--transfers N (default 100000)]"
                + " [--seed N] [--baseline DIR|none (default examples/baseline-analyzer)]"
                + " [--build-arg NAME=VALUE]... [--baseline-build-arg NAME=VALUE]... [--work DIR] [--keep]";
    }
}
