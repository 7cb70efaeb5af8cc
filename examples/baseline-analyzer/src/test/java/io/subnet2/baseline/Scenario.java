package io.subnet2.baseline;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.subnet2.baseline.patterns.PatternSink.Identified;
import io.subnet2.baseline.patterns.PatternsPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A hand-built input (transfers + labels) for tests, written to a folder and analyzed. */
public final class Scenario {

    public static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a Thursday
    public static final long MIN = 60_000L;
    public static final long HOUR = 60 * MIN;

    public final List<Fixtures.Row> rows = new ArrayList<>();
    public final Map<String, List<String>> labels = new LinkedHashMap<>();

    public Scenario transfer(String from, String to, long ts, double usd) {
        rows.add(new Fixtures.Row(from, to, ts, usd));
        return this;
    }

    /** Random background transfers among {@code pool} addresses named bg0.. over two days. */
    public Scenario noise(long seed, int pool, int count) {
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            int a = r.nextInt(pool);
            int b = (a + 1 + r.nextInt(pool - 1)) % pool;
            transfer("bg" + a, "bg" + b, T0 + (long) (r.nextDouble() * 48 * HOUR), 10 + r.nextInt(5000));
        }
        return this;
    }

    public Scenario flag(String address, String type, String subtype, String risk) {
        labels.put(address, List.of(type, subtype, risk));
        return this;
    }

    /** Writes the input files into {@code dir/input} and returns that folder. */
    public Path write(Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Fixtures.writeTransfers(input, rows);
        Fixtures.writeLabels(input, labels);
        return input;
    }

    public Set<String> flagged() {
        Set<String> out = new HashSet<>();
        labels.forEach((a, l) -> {
            if (l.get(0).equals("flagged") || l.get(2).equals("critical")) {
                out.add(a);
            }
        });
        return out;
    }

    /** Detects patterns and asserts every one is valid by scoring.md's rules, unique, with unique ids. */
    public List<Identified> detect(Path dir) throws IOException {
        List<Identified> patterns = PatternsPhase.detect(write(dir));
        assertAllValid(patterns, new RuleChecker(rows, flagged()));
        return patterns;
    }

    public static void assertAllValid(List<Identified> patterns, RuleChecker checker) {
        Set<String> ids = new HashSet<>();
        Set<String> sets = new HashSet<>();
        for (Identified p : patterns) {
            assertNull(checker.invalidReason(p.type(), List.of(p.addresses())), () -> p.type() + " " + List.of(p.addresses()));
            assertTrue(ids.add(p.id()), "repeated id " + p.id());
            assertTrue(sets.add(p.type() + new TreeSet<>(List.of(p.addresses()))), "duplicate set " + p.id());
            assertTrue(p.confidence() >= 0 && p.confidence() <= 1, "confidence " + p.confidence());
        }
    }

    public static List<List<String>> ofType(List<Identified> patterns, String type) {
        List<List<String>> out = new ArrayList<>();
        for (Identified p : patterns) {
            if (p.type().equals(type)) {
                out.add(List.of(p.addresses()));
            }
        }
        return out;
    }

    /** Asserts some pattern of the type has exactly these addresses (in any order). */
    public static List<String> assertFoundSet(List<Identified> patterns, String type, Set<String> expected) {
        for (List<String> p : ofType(patterns, type)) {
            if (new HashSet<>(p).equals(expected)) {
                return p;
            }
        }
        return fail(type + " " + expected + " not found among " + ofType(patterns, type));
    }
}
