package io.subnet2.baseline;

import io.subnet2.baseline.features.FeaturesPhase;
import io.subnet2.baseline.patterns.PatternsPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a synthetic dataset, runs both phases in-process and prints phase times, recall and
 * precision. Args: [transfers=1000000] [instancesPerType=20] [days=3] [dir=target/bench] [reuse=0]
 * (reuse: share of pattern members drawn from busy background addresses instead of fresh ones).
 * The written {@code dir/input} can also be mounted into the Docker image (see README).
 */
public final class BaselineBenchmark {

    private BaselineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perType = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of(args.length > 3 ? args[3] : "target/bench");
        double reuse = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        Path input = Files.createDirectories(dir.resolve("input"));
        Path output = Files.createDirectories(dir.resolve("output"));
        long t = System.nanoTime();
        SyntheticData.Dataset data = SyntheticData.generate(7, transfers, perType, days, reuse);
        Fixtures.writeTransfers(input, data.rows());
        Fixtures.writeLabels(input, data.labels());
        System.out.printf("dataset: %d transfers, %d instances, written in %.1f s%n", data.rows().size(),
                data.instances().size(), seconds(t));
        t = System.nanoTime();
        FeaturesPhase.run(input, output);
        System.out.printf("features phase: %.2f s%n", seconds(t));
        t = System.nanoTime();
        PatternsPhase.run(input, output);
        System.out.printf("patterns phase: %.2f s%n", seconds(t));
        List<Evaluation.Reported> reported = new ArrayList<>();
        for (OutputFiles.Row p : OutputFiles.patterns(output.resolve("patterns.parquet"))) {
            reported.add(new Evaluation.Reported(p.type(), p.addresses()));
        }
        System.out.println("same-type " + Evaluation.of(reported, data, true));
        System.out.println("any-type  " + Evaluation.of(reported, data, false));
        NaiveFeatures.assertMatches(data.rows(), OutputFiles.features(output.resolve("features.parquet")));
        System.out.println("features: required columns match the naive recomputation");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
