package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.ScoringFixtures.Label;
import io.subnet2.validator.scoring.ScoringFixtures.Pattern;
import io.subnet2.validator.scoring.ScoringFixtures.Transfer;
import io.subnet2.validator.scoring.ScoringFixtures.Truth;

/**
 * A hand-built dataset with one instance of every pattern type, known decoys (a path that is not
 * time-ordered, a transfer just outside a threshold band, a counterpart outside the burst window),
 * noise, and the honest output derived from its ground truth.
 */
public final class SmallDataset {

    public static final long T0 = 1_700_000_000_000L;
    public static final long MINUTE = 60_000L;

    public final List<Transfer> transfers = new ArrayList<>();
    public final List<Label> labels = new ArrayList<>();
    public final List<Truth> truth = new ArrayList<>();
    /** The instances in path order (honest pattern addresses), by instance id. */
    public final Map<String, Pattern> honest = new LinkedHashMap<>();

    public SmallDataset() {
        instance("cycle-1", "cycle", "A1", "A2", "A3");
        t("A1", "A2", 1, 100);
        t("A2", "A3", 2, 100);
        t("A3", "A1", 3, 100);

        instance("layering-1", "layering_path", "L1", "L2", "L3", "L4");
        t("L2", "L3", 5, 50);
        t("L1", "L2", 10, 60);
        t("L2", "L3", 11, 55);
        t("L3", "L4", 12, 52);
        // a path whose middle hop only happened before its first hop
        t("N1", "N2", 30, 10);
        t("N2", "N3", 20, 10);
        t("N3", "N4", 40, 10);

        instance("fanin-1", "motif_fanin", "C", "S1", "S2", "S3");
        t("S1", "C", 50, 20);
        t("S2", "C", 51, 20);
        t("S3", "C", 52, 20);

        instance("fanout-1", "motif_fanout", "D", "R1", "R2", "R3");
        t("D", "R1", 60, 30);
        t("D", "R2", 61, 30);
        t("D", "R3", 62, 30);

        instance("smurfing-1", "smurfing_network", "M1", "M2", "M3", "M4");
        t("M1", "M2", 70, 9);
        t("M3", "M2", 71, 9);
        t("M4", "M3", 72, 9);

        instance("proximity-1", "proximity_risk", "P1", "P2", "F");
        t("P1", "P2", 80, 7);
        t("F", "P2", 81, 7);
        t("P1", "Q", 82, 7);
        labels.add(new Label("F", "flagged", "high"));
        labels.add(new Label("Q", "exchange", "critical"));
        labels.add(new Label("P2", "exchange", "low"));

        String[] burst = new String[11];
        burst[0] = "B";
        for (int i = 1; i <= 10; i++) {
            burst[i] = "BC" + i;
            t("B", burst[i], 120 + 2L * i, 5);
        }
        instance("burst-1", "temporal_burst", burst);
        t("BX", "B", 600, 5);

        String[] threshold = {"TS", "TR1", "TR2", "TR3", "TR4", "TR5"};
        for (int i = 1; i <= 5; i++) {
            t("TS", threshold[i], 180 + i, 9000);
        }
        instance("threshold-1", "threshold_evasion", threshold);
        t("TS", "TRX", 240, 10000);
        t("TS", "TRY", 241, 7999.99);

        // noise, and a cycle no instance knows about
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            int a = random.nextInt(20);
            int b = (a + 1 + random.nextInt(19)) % 20;
            t("Z" + a, "Z" + b, 300 + random.nextInt(600), 1 + random.nextInt(500));
        }
        t("Y1", "Y2", 700, 3);
        t("Y2", "Y1", 701, 3);
        // instances that cannot be found: no reachable address, one reachable address
        truth.add(new Truth("GHOST1", "member", "cycle", "ghost-1"));
        truth.add(new Truth("GHOST2", "member", "cycle", "ghost-1"));
        truth.add(new Truth("A1", "member", "cycle", "half-ghost-1"));
        truth.add(new Truth("GHOST3", "member", "cycle", "half-ghost-1"));
    }

    private void t(String from, String to, long minute, double usd) {
        transfers.add(new Transfer(from, to, T0 + minute * MINUTE, usd));
    }

    private void instance(String id, String type, String... addresses) {
        for (int i = 0; i < addresses.length; i++) {
            truth.add(new Truth(addresses[i], i == 0 ? "source" : "member", type, id));
        }
        honest.put(id, new Pattern("p-" + id, type, List.of(addresses)));
    }

    /** Instances that can be found (two or more addresses in transfers). */
    public int countedInstances() {
        return honest.size();
    }

    public DatasetLayout write(Path root) throws IOException {
        return ScoringFixtures.writeDataset(root, transfers, labels, truth);
    }

    /** Writes the honest output (features + one pattern per instance) into {@code output}. */
    public void writeHonestOutput(Path output) throws IOException {
        ScoringFixtures.writeFeatures(output.resolve("features.parquet"), ScoringFixtures.honestFeatures(transfers));
        ScoringFixtures.writePatterns(output.resolve("patterns.parquet"), new ArrayList<>(honest.values()));
    }
}
