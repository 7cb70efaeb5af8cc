package io.subnet2.baseline.features;

import io.subnet2.baseline.Log;
import io.subnet2.baseline.graph.Graph;
import io.subnet2.baseline.graph.Transfers;
import io.subnet2.baseline.io.LabelReader;
import io.subnet2.baseline.io.TransferReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** Phase 1: features.parquet, one row per address of transfers.parquet. */
public final class FeaturesPhase {

    public static final String OUTPUT = "features.parquet";

    private FeaturesPhase() {
    }

    public static FeatureTable compute(Path inputDir) throws IOException {
        long start = System.nanoTime();
        Transfers t = TransferReader.read(inputDir, true);
        Set<String> flaggedNames = LabelReader.flagged(inputDir);
        Log.step("read " + t.size() + " transfers, " + t.addressCount() + " addresses", start);
        start = System.nanoTime();
        Graph g = new Graph(t);
        boolean[] flagged = new boolean[g.n];
        for (int a = 0; a < g.n; a++) {
            flagged[a] = flaggedNames.contains(g.name(a));
        }
        FeatureTable table = FeatureComputer.compute(g, flagged);
        Log.step("computed " + table.names().size() + " features", start);
        return table;
    }

    public static void run(Path inputDir, Path outputDir) throws IOException {
        FeatureTable table = compute(inputDir);
        long start = System.nanoTime();
        table.write(outputDir.resolve(OUTPUT));
        Log.step("wrote " + OUTPUT, start);
    }
}
