package io.subnet2.validator.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.internal.TransferIndex;
import io.subnet2.validator.scoring.internal.TransferReader;

/**
 * scoring.md §9: scores one run on a large dataset (default: 10M generated transfers, ~1M
 * addresses, 100k patterns) and times DuckDB (2 threads) checking the same patterns' hops against
 * the same transfers.parquet. Prints seconds, rows/s and peak heap.
 *
 * <pre>
 * ScoringBenchmark [--dataset DIR] [--work DIR] [--rows N] [--addresses N] [--patterns N]
 *                  [--mode both|scratch|stored]
 * </pre>
 * --mode: score with an index built from the parquet files ("scratch"), with the index stored in
 * the dataset folder ("stored": built and stored first when missing), or both (default).
 * --dataset: an existing dataset folder (input/transfers.parquet, ground_truth.parquet); without
 * it one is generated under --work (default target/scoring-benchmark) on the first run and reused.
 */
public final class ScoringBenchmark {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(arg(args, "--work", "target/scoring-benchmark"));
        int rows = Integer.parseInt(arg(args, "--rows", "10000000"));
        int addresses = Integer.parseInt(arg(args, "--addresses", "1000000"));
        int patternCount = Integer.parseInt(arg(args, "--patterns", "100000"));
        String given = arg(args, "--dataset", null);
        DatasetLayout layout = new DatasetLayout(given != null ? Path.of(given) : work.resolve("dataset"));
        Path output = work.resolve("output");
        ScoringProperties props = ScoringProperties.defaults();
        if (!Files.exists(layout.transfers())) {
            long start = System.nanoTime();
            BenchmarkData data = new BenchmarkData(rows, addresses, 1);
            data.writeDataset(layout);
            Files.createDirectories(output);
            ScoringFixtures.writePatterns(output.resolve("patterns.parquet"), data.patterns(patternCount, 2));
            Files.deleteIfExists(output.resolve("features.parquet"));
            System.out.printf("generated %s in %.1f s%n", layout.root(), (System.nanoTime() - start) / 1e9);
        }
        if (!Files.exists(output.resolve("patterns.parquet"))) {
            TransferReader.Columns c = TransferReader.read(layout.transfers(), props);
            Files.createDirectories(output);
            ScoringFixtures.writePatterns(output.resolve("patterns.parquet"), BenchmarkData.patterns(c.from(), c.to(), c.ts(),
                    c.addresses()::string, c.addresses().size(), patternCount, 2));
        }
        if (!Files.exists(output.resolve("features.parquet"))) {
            writeFeatures(ScoringDataset.load(layout.input(), layout.groundTruth(), props), output);
        }
        System.out.printf("cpu check: 2 busy threads do %.2fx the work of 1 in the same time (2.0 = two free cores)%n",
                parallelism());
        String mode = arg(args, "--mode", "both");
        if (!mode.equals("stored")) {
            for (int run = 1; run <= 2; run++) {
                timeRun("from parquet, run " + run, () -> ScoringDataset.load(layout.input(), layout.groundTruth(),
                        props), output);
            }
        }
        if (!mode.equals("scratch")) {
            Path stored = layout.root().resolve(ScoringDataset.INDEX_DIR);
            if (!ScoringDataset.hasStoredIndex(layout, props)) {
                timeRun("building and storing the index (once per dataset)",
                        () -> ScoringDataset.loadStored(layout, props), output);
            }
            System.out.printf("stored index: %d MiB in %s%n", folderBytes(stored) >> 20, stored);
            for (int run = 1; run <= 2; run++) {
                timeRun("from the stored index, run " + run, () -> ScoringDataset.loadStored(layout, props), output);
            }
        }
        for (int run = 1; run <= 2; run++) {
            duckdb(layout.transfers(), output.resolve("patterns.parquet"), run);
        }
    }

    /** Loads the dataset and scores the run once; prints seconds (load, score), rows/s and the peak heap. */
    private static void timeRun(String label, java.util.function.Supplier<ScoringDataset> load, Path output) {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        ScoringDataset dataset = load.get();
        long loaded = System.nanoTime();
        RunScore score = RunScorer.score(dataset, output, PhaseTimes.unknown(), PhaseTimes.unknown());
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("validator %s: %.2f s (load %.2f s, gate+patterns %.2f s), %.0f transfers/s,"
                        + " peak heap %d MiB; transfers %d, addresses %d, patterns %d, valid %d,"
                        + " data correct %s, error %s%n",
                label, seconds, (loaded - start) / 1e9, (end - loaded) / 1e9, dataset.transfers() / seconds,
                peakHeap() >> 20, dataset.transfers(), dataset.addresses(), score.counts().patternsReported(),
                score.counts().patternsValid(), score.dataCorrect(), score.error());
    }

    private static long folderBytes(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void duckdb(Path transfers, Path patterns, int run) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 2");
            // the hops each pattern type claims: center/leaf pairs for motifs, consecutive pairs otherwise
            String sql = "WITH p AS (SELECT pattern_id, pattern_type, addresses,"
                    + " unnest(range(1, len(addresses))) AS i FROM read_parquet('" + patterns.toAbsolutePath() + "')),"
                    + " hops AS (SELECT pattern_id,"
                    + " CASE pattern_type WHEN 'motif_fanout' THEN addresses[1] WHEN 'motif_fanin' THEN addresses[i + 1]"
                    + " ELSE addresses[i] END AS a,"
                    + " CASE pattern_type WHEN 'motif_fanout' THEN addresses[i + 1] WHEN 'motif_fanin' THEN addresses[1]"
                    + " ELSE addresses[i + 1] END AS b FROM p),"
                    + " found AS (SELECT DISTINCT t.from_address AS a, t.to_address AS b"
                    + " FROM read_parquet('" + transfers.toAbsolutePath() + "') t"
                    + " SEMI JOIN hops h ON t.from_address = h.a AND t.to_address = h.b)"
                    + " SELECT count(*) AS hops, count(found.a) AS existing FROM hops LEFT JOIN found USING (a, b)";
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                System.out.printf("duckdb run %d (2 threads): %.2f s, hops %d, existing %d%n", run,
                        (System.nanoTime() - start) / 1e9, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static void writeFeatures(ScoringDataset dataset, Path output) throws Exception {
        TransferIndex x = dataset.index;
        List<ScoringFixtures.Feature> features = new ArrayList<>(x.addresses);
        for (int id = 0; id < x.addresses; id++) {
            features.add(new ScoringFixtures.Feature(x.names.string(id), x.degIn[id], x.degOut[id], x.txIn[id],
                    x.txOut[id], x.sumIn[id], x.sumOut[id], x.counterparties[id], x.first[id], x.last[id]));
        }
        ScoringFixtures.writeFeatures(output.resolve("features.parquet"), features);
    }

    /** Work rate of two spinning threads over one: the cores this machine really gives us now. */
    private static double parallelism() throws InterruptedException {
        double one = spin(1);
        double two = spin(2);
        return 2 * one / two;
    }

    private static double spin(int threads) throws InterruptedException {
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        long[] sink = new long[threads];
        for (int i = 0; i < threads; i++) {
            int id = i;
            workers[i] = new Thread(() -> {
                long x = 0;
                for (long k = 0; k < 1_000_000_000L; k++) {
                    x += k * k ^ id;
                }
                sink[id] = x;
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (System.nanoTime() - start) / 1e9 + (sink[0] & 0) * 1e-12;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks (an upper bound of the peak heap). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
