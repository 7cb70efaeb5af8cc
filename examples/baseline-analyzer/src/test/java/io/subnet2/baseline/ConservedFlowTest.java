package io.subnet2.baseline;

import static io.subnet2.baseline.Scenario.HOUR;
import static io.subnet2.baseline.Scenario.MIN;
import static io.subnet2.baseline.Scenario.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subnet2.baseline.patterns.PatternSink.Identified;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conserved amounts rank first (scoring v2 is average precision over the confidence ranking): a fan
 * whose total is passed on whole, or a flagged flow cashed out to a hub, outranks a fan of the same
 * shape whose amounts do not add up.
 */
class ConservedFlowTest {

    @TempDir
    Path dir;

    @Test
    void conservedFanInOutranksAChanceFanInDespiteInterleavedTransfers() throws Exception {
        Scenario s = new Scenario().noise(3, 40, 400);
        double total = 0;
        for (int i = 0; i < 7; i++) {
            double usd = 1_000 + 137.25 * i;
            s.transfer("sender" + i, "center", T0 + i * 2 * HOUR, usd);
            total += usd;
        }
        s.transfer("stranger1", "center", T0 + 3 * HOUR, 321.5); // unrelated, in between
        s.transfer("stranger2", "center", T0 + 9 * HOUR, 77.125);
        s.transfer("center", "exchange", T0 + 16 * HOUR, total);
        for (int i = 0; i < 7; i++) {
            s.transfer("payer" + i, "chance", T0 + i * HOUR, 500 + 11 * i);
        }
        s.transfer("chance", "exchange", T0 + 10 * HOUR, 1234);

        List<Identified> fans = s.detect(dir).stream().filter(p -> p.type().equals("motif_fanin")).toList();
        Identified conserved = find(fans, "center");
        Identified chance = find(fans, "chance");
        assertTrue(conserved.confidence() >= 0.9, "conserved fan-in: " + conserved.confidence());
        assertTrue(chance.confidence() < 0.5, "chance fan-in: " + chance.confidence());
        Set<String> listed = new HashSet<>(List.of(conserved.addresses()));
        assertTrue(!listed.contains("stranger1") && !listed.contains("stranger2"), "unrelated senders left out");
    }

    @Test
    void flaggedFundsPassedOnAndCashedOutAreEvidence() throws Exception {
        Scenario s = new Scenario().noise(4, 40, 400);
        s.flag("flagged", "flagged", "mixer", "critical");
        for (int i = 0; i < 60; i++) {
            s.transfer("user" + i, "exchange", T0 + i * MIN, 10 + i); // the exchange is a hub
        }
        s.transfer("flagged", "hop", T0, 10_000);
        s.transfer("hop", "target", T0 + 2 * HOUR, 9_700);
        s.transfer("target", "exchange", T0 + 9 * HOUR, 9_400);

        List<Identified> proximity = s.detect(dir).stream().filter(p -> p.type().equals("proximity_risk")).toList();
        Identified flow = proximity.stream().filter(p -> List.of(p.addresses()).equals(List.of("target", "hop", "flagged")))
                .findFirst().orElseThrow(() -> new AssertionError("no flow pattern among " + proximity.size()));
        assertTrue(flow.confidence() >= 0.9, "flow: " + flow.confidence());
    }

    /** The most confident fan-in at {@code center} (the shape-only detector reports it too). */
    private static Identified find(List<Identified> patterns, String center) {
        return patterns.stream().filter(p -> p.addresses()[0].equals(center))
                .max(java.util.Comparator.comparingDouble(Identified::confidence))
                .orElseThrow(() -> new AssertionError("no fan-in at " + center));
    }
}
