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

/** Fan-in/out, proximity, burst and threshold detectors on hand-built inputs. */
class ActivityDetectorsTest {

    @TempDir
    Path dir;

    @Test
    void fanInAndFanOutListTheCenterFirst() throws Exception {
        Scenario s = new Scenario().noise(4, 30, 300);
        Set<String> in = new HashSet<>(List.of("hub-in"));
        Set<String> out = new HashSet<>(List.of("hub-out"));
        for (int i = 0; i < 9; i++) {
            s.transfer("sender" + i, "hub-in", T0 + i * 90 * MIN, 1_000 + i);
            s.transfer("hub-out", "receiver" + i, T0 + i * 100 * MIN, 2_000 + i);
            in.add("sender" + i);
            out.add("receiver" + i);
        }
        List<Identified> patterns = s.detect(dir);
        assertEquals("hub-in", Scenario.assertFoundSet(patterns, "motif_fanin", in).get(0));
        assertEquals("hub-out", Scenario.assertFoundSet(patterns, "motif_fanout", out).get(0));
    }

    @Test
    void fourCounterpartsAreNoMotif() throws Exception {
        Scenario s = new Scenario();
        for (int i = 0; i < 4; i++) {
            s.transfer("s" + i, "small", T0 + i * MIN, 100);
        }
        assertTrue(Scenario.ofType(s.detect(dir), "motif_fanin").isEmpty());
    }

    @Test
    void proximityPathsEndAtTheFlaggedAddressAndFollowEdgesEitherWay() throws Exception {
        Scenario s = new Scenario().noise(5, 30, 300)
                .transfer("h1", "bad", T0, 5_000)
                .transfer("bad", "h2", T0 + HOUR, 4_000) // reverse direction still joins them
                .transfer("h3", "h2", T0 + 2 * HOUR, 3_000)
                .transfer("h4", "h3", T0 + 3 * HOUR, 2_000)
                .transfer("h5", "h4", T0 + 4 * HOUR, 1_000) // 4 hops: out of reach
                .transfer("c1", "crit", T0, 700)
                .transfer("o1", "okay", T0, 700)
                .flag("bad", "flagged", "sanctions", "critical")
                .flag("crit", "exchange", "cex", "critical")
                .flag("okay", "exchange", "cex", "low");
        List<Identified> patterns = s.detect(dir);
        List<List<String>> proximity = Scenario.ofType(patterns, "proximity_risk");
        assertTrue(proximity.contains(List.of("h1", "bad")), proximity::toString);
        assertTrue(proximity.contains(List.of("h4", "h3", "h2", "bad")), proximity::toString);
        assertTrue(proximity.contains(List.of("c1", "crit")), "risk_level critical counts as flagged");
        assertTrue(proximity.stream().noneMatch(p -> p.contains("h5") || p.contains("okay")), proximity::toString);
    }

    @Test
    void burstListsTheCounterpartsOfTheBusiestHour() throws Exception {
        Scenario s = new Scenario().noise(6, 30, 300);
        Set<String> expected = new HashSet<>(List.of("bursty"));
        for (int i = 0; i < 20; i++) {
            s.transfer(i % 2 == 0 ? "bursty" : "peer" + i, i % 2 == 0 ? "peer" + i : "bursty", T0 + 5 * HOUR + i * 90_000, 50);
            expected.add("peer" + i);
        }
        s.transfer("bursty", "later", T0 + 30 * HOUR, 10);
        List<Identified> patterns = s.detect(dir);
        assertEquals("bursty", Scenario.assertFoundSet(patterns, "temporal_burst", expected).get(0));
    }

    @Test
    void nineTransfersInAnHourAreNoBurst() throws Exception {
        Scenario s = new Scenario();
        for (int i = 0; i < 9; i++) {
            s.transfer("calm", "p" + i, T0 + i * 5 * MIN, 50);
        }
        s.transfer("calm", "p9", T0 + HOUR, 50); // exactly one hour after the first: outside [t, t+1h)
        assertTrue(Scenario.ofType(s.detect(dir), "temporal_burst").isEmpty());
    }

    @Test
    void structuringJustUnderAThresholdListsSenderThenReceivers() throws Exception {
        Scenario s = new Scenario().noise(7, 30, 300);
        Set<String> expected = new HashSet<>(List.of("structurer"));
        for (int i = 0; i < 7; i++) {
            s.transfer("structurer", "dest" + i, T0 + i * 3 * HOUR, 9_000 + i * 100);
            expected.add("dest" + i);
        }
        s.transfer("structurer", "other", T0, 40_000); // not under the same threshold
        List<Identified> patterns = s.detect(dir);
        assertEquals("structurer", Scenario.assertFoundSet(patterns, "threshold_evasion", expected).get(0));
    }

    @Test
    void amountsAtTheThresholdOrSpreadOverThresholdsAreNotStructuring() throws Exception {
        Scenario s = new Scenario();
        for (int i = 0; i < 6; i++) {
            s.transfer("exact", "e" + i, T0 + i * HOUR, 10_000); // T itself is outside [0.8T, T)
        }
        double[] mixed = {9_000, 14_000, 45_000, 90_000, 9_500, 13_000, 41_000, 85_000};
        for (int i = 0; i < mixed.length; i++) {
            s.transfer("mixed", "m" + i, T0 + i * HOUR, mixed[i]); // at most 2 per T
        }
        assertTrue(Scenario.ofType(s.detect(dir), "threshold_evasion").isEmpty());
    }
}
