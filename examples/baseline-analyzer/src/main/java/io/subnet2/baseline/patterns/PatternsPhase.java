package io.subnet2.baseline.patterns;

import io.subnet2.baseline.Log;
import io.subnet2.baseline.graph.Graph;
import io.subnet2.baseline.graph.Transfers;
import io.subnet2.baseline.io.LabelReader;
import io.subnet2.baseline.io.TransferReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Phase 2: detects every pattern type and writes patterns.parquet. */
public final class PatternsPhase {

    public static final String OUTPUT = "patterns.parquet";

    private PatternsPhase() {
    }

    public static List<PatternSink.Identified> detect(Path inputDir) throws IOException {
        long start = System.nanoTime();
        Transfers t = TransferReader.read(inputDir, false);
        Set<String> flaggedNames = LabelReader.flagged(inputDir);
        Log.step("read " + t.size() + " transfers, " + t.addressCount() + " addresses, "
                + flaggedNames.size() + " flagged labels", start);
        start = System.nanoTime();
        Graph g = new Graph(t);
        boolean[] flagged = new boolean[g.n];
        for (int a = 0; a < g.n; a++) {
            flagged[a] = flaggedNames.contains(g.name(a));
        }
        Log.step("indexed", start);
        return detect(g, flagged);
    }

    /** Runs the detectors in parallel; the result order is fixed (type order, then confidence, id). */
    public static List<PatternSink.Identified> detect(Graph g, boolean[] flagged) throws IOException {
        List<Detector> detectors = List.of(new CycleDetector(), new LayeringDetector(), new SmurfingDetector(),
                new ForwardingSmurfDetector(), new ProximityDetector(flagged), new FlaggedFlowDetector(flagged),
                MotifDetector.fanIn(), MotifDetector.fanOut(), ConservedFanDetector.fanIn(),
                ConservedFanDetector.fanOut(), new BurstDetector(), new ThresholdDetector());
        int threads = Math.max(1, Math.min(detectors.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<PatternSink.Identified>>> results = new ArrayList<>();
            for (Detector d : detectors) {
                results.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    PatternSink sink = new PatternSink(g, d.cap());
                    d.run(g, sink);
                    List<PatternSink.Identified> kept = sink.result();
                    Log.step(d.name() + ": " + sink.size() + " found, " + kept.size() + " kept", start);
                    return kept;
                }));
            }
            // two detectors of a type may report the same addresses: one pattern, the higher confidence
            Map<String, PatternSink.Identified> byId = new LinkedHashMap<>();
            for (Future<List<PatternSink.Identified>> f : results) {
                for (PatternSink.Identified p : f.get()) {
                    byId.merge(p.id(), p, (a, b) -> b.confidence() > a.confidence() ? b : a);
                }
            }
            return new ArrayList<>(byId.values());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("detector failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static void run(Path inputDir, Path outputDir) throws IOException {
        List<PatternSink.Identified> patterns = detect(inputDir);
        long start = System.nanoTime();
        PatternWriter.write(outputDir.resolve(OUTPUT), patterns);
        Log.step("wrote " + patterns.size() + " patterns", start);
    }
}
