package io.subnet2.baseline;

import static io.subnet2.baseline.Scenario.HOUR;
import static io.subnet2.baseline.Scenario.MIN;
import static io.subnet2.baseline.Scenario.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subnet2.baseline.patterns.PatternSink.Identified;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cycle, layering and smurfing detectors on hand-built flows (money moving through addresses). */
class FlowDetectorsTest {

    @TempDir
    Path dir;

    @Test
    void cycleOfSimilarAmountsWithinHoursIsReportedInEdgeOrder() throws Exception {
        Scenario s = new Scenario().noise(1, 30, 300);
        String[] c = {"c1", "c2", "c3", "c4", "c5"};
        for (int i = 0; i < c.length; i++) {
            s.transfer(c[i], c[(i + 1) % c.length], T0 + i * 40 * MIN, 25_000 - i * 150);
        }
        List<Identified> patterns = s.detect(dir);
        List<String> cycle = Scenario.assertFoundSet(patterns, "cycle", Set.of(c));
        int start = cycle.indexOf("c1");
        for (int i = 0; i < c.length; i++) {
            assertEquals(c[i], cycle.get((start + i) % c.length), "rotation of the edge order");
        }
    }

    @Test
    void cycleWhoseAmountsDoNotMatchIsNotReported() throws Exception {
        Scenario s = new Scenario()
                .transfer("x1", "x2", T0, 10_000)
                .transfer("x2", "x3", T0 + HOUR, 200)
                .transfer("x3", "x1", T0 + 2 * HOUR, 9_000);
        List<Identified> patterns = s.detect(dir);
        assertTrue(Scenario.ofType(patterns, "cycle").isEmpty(), "amount 10000 -> 200 is no round trip");
    }

    @Test
    void layeringChainIsReportedWholeInHopOrder() throws Exception {
        Scenario s = new Scenario().noise(2, 30, 300);
        String[] chain = {"l1", "l2", "l3", "l4", "l5", "l6", "l7"};
        double amount = 80_000;
        for (int i = 0; i + 1 < chain.length; i++) {
            s.transfer(chain[i], chain[i + 1], T0 + i * 2 * HOUR, amount);
            amount *= 0.97;
        }
        List<Identified> patterns = s.detect(dir);
        assertTrue(Scenario.ofType(patterns, "layering_path").contains(List.of(chain)),
                "chain in order among " + Scenario.ofType(patterns, "layering_path"));
    }

    @Test
    void peelChainMainPathIsFollowedNotTheSidePayments() throws Exception {
        Scenario s = new Scenario();
        String[] chain = {"p1", "p2", "p3", "p4", "p5", "p6"};
        double amount = 50_000;
        for (int i = 0; i + 1 < chain.length; i++) {
            long t = T0 + i * 3 * HOUR;
            s.transfer(chain[i], "side" + i, t, amount * 0.07);
            s.transfer(chain[i], chain[i + 1], t + MIN, amount * 0.92);
            amount *= 0.92;
        }
        List<Identified> patterns = s.detect(dir);
        List<List<String>> layering = Scenario.ofType(patterns, "layering_path");
        assertTrue(layering.contains(List.of(chain)), "peel chain among " + layering);
    }

    @Test
    void hopsGoingBackInTimeAreNoLayeringPath() throws Exception {
        Scenario s = new Scenario()
                .transfer("r1", "r2", T0 + 5 * HOUR, 1_000)
                .transfer("r2", "r3", T0 + 4 * HOUR, 990)
                .transfer("r3", "r4", T0 + 3 * HOUR, 980)
                .transfer("r4", "r5", T0 + 2 * HOUR, 970);
        List<Identified> patterns = s.detect(dir);
        assertTrue(Scenario.ofType(patterns, "layering_path").isEmpty());
    }

    @Test
    void smurfingSourceSmurfsAndCollectorsFormOneConnectedPattern() throws Exception {
        Scenario s = new Scenario().noise(3, 30, 300);
        Set<String> expected = new HashSet<>(List.of("src", "col1", "col2"));
        for (int i = 0; i < 7; i++) {
            String smurf = "smurf" + i;
            expected.add(smurf);
            s.transfer("src", smurf, T0 + i * MIN, 9_500);
            s.transfer(smurf, i % 2 == 0 ? "col1" : "col2", T0 + 2 * HOUR + i * MIN, 9_400);
        }
        List<Identified> patterns = s.detect(dir);
        List<String> found = Scenario.assertFoundSet(patterns, "smurfing_network", expected);
        assertEquals("src", found.get(0));
    }

    @Test
    void smurfsPayingOverTenThousandAreNotSmurfing() throws Exception {
        Scenario s = new Scenario();
        for (int i = 0; i < 7; i++) {
            s.transfer("big", "m" + i, T0 + i * MIN, 30_000);
            s.transfer("m" + i, "sink", T0 + HOUR + i * MIN, 29_000);
        }
        List<Identified> patterns = s.detect(dir);
        assertTrue(Scenario.ofType(patterns, "smurfing_network").isEmpty());
    }
}
