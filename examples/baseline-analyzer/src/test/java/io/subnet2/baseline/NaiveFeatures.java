package io.subnet2.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The contract's required feature columns recomputed the obvious way, as the validator would. */
public final class NaiveFeatures {

    public static final String[] REQUIRED = {"degree_in", "degree_out", "tx_in_count", "tx_out_count",
        "total_in_usd", "total_out_usd", "unique_counterparties", "first_activity_timestamp",
        "last_activity_timestamp"};

    private NaiveFeatures() {
    }

    /** address -> column -> value. */
    public static Map<String, Map<String, Double>> compute(Collection<Fixtures.Row> rows) {
        Map<String, Set<String>> senders = new HashMap<>();
        Map<String, Set<String>> receivers = new HashMap<>();
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (Fixtures.Row r : rows) {
            senders.computeIfAbsent(r.to(), k -> new HashSet<>()).add(r.from());
            receivers.computeIfAbsent(r.from(), k -> new HashSet<>()).add(r.to());
            Map<String, Double> f = row(out, r.from());
            f.merge("tx_out_count", 1.0, Double::sum);
            f.merge("total_out_usd", Fixtures.exact(r.usd()).doubleValue(), Double::sum);
            Map<String, Double> g = row(out, r.to());
            g.merge("tx_in_count", 1.0, Double::sum);
            g.merge("total_in_usd", Fixtures.exact(r.usd()).doubleValue(), Double::sum);
            for (Map<String, Double> x : new HashSet<>(java.util.List.of(f, g))) {
                x.merge("first_activity_timestamp", (double) r.ts(), Math::min);
                x.merge("last_activity_timestamp", (double) r.ts(), Math::max);
            }
        }
        out.forEach((a, f) -> {
            Set<String> in = senders.getOrDefault(a, Set.of());
            Set<String> outs = receivers.getOrDefault(a, Set.of());
            Set<String> all = new HashSet<>(in);
            all.addAll(outs);
            f.put("degree_in", (double) in.size());
            f.put("degree_out", (double) outs.size());
            f.put("unique_counterparties", (double) all.size());
        });
        return out;
    }

    private static Map<String, Double> row(Map<String, Map<String, Double>> out, String address) {
        return out.computeIfAbsent(address, k -> {
            Map<String, Double> f = new HashMap<>();
            for (String c : REQUIRED) {
                f.put(c, c.endsWith("timestamp") ? null : 0.0);
            }
            f.remove("first_activity_timestamp");
            f.remove("last_activity_timestamp");
            return f;
        });
    }

    /** Asserts the file has exactly one row per address and the required columns match. */
    public static void assertMatches(Collection<Fixtures.Row> rows, OutputFiles.Features features) {
        Map<String, Map<String, Double>> expected = compute(rows);
        assertEquals(expected.keySet(), new HashSet<>(features.addresses()), "one row per address");
        assertEquals(expected.size(), features.addresses().size(), "no repeated address");
        for (int i = 0; i < features.addresses().size(); i++) {
            String a = features.addresses().get(i);
            for (String c : REQUIRED) {
                double want = expected.get(a).get(c);
                double got = features.columns().get(c)[i];
                if (c.endsWith("_usd")) {
                    double tolerance = Math.max(1e-6, Math.abs(want) * 1e-6);
                    assertTrue(Math.abs(want - got) <= tolerance, c + " of " + a + ": " + got + " vs " + want);
                } else {
                    assertEquals(want, got, c + " of " + a);
                }
            }
        }
    }
}
