package io.subnet2.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent, naive implementation of scoring.md section 2 (pattern validity) used to judge the
 * analyzer's output in tests: it returns the reason a pattern is invalid, or null when it is valid.
 */
public final class RuleChecker {

    private static final long HOUR_MS = 3_600_000L;
    private static final BigDecimal[] THRESHOLDS = {
        new BigDecimal(10_000), new BigDecimal(15_000), new BigDecimal(50_000), new BigDecimal(100_000)};

    private final Map<String, List<Fixtures.Row>> byEdge = new HashMap<>();
    private final Map<String, List<Fixtures.Row>> byAddress = new HashMap<>();
    private final Set<String> flagged;

    public RuleChecker(Collection<Fixtures.Row> rows, Set<String> flagged) {
        this.flagged = flagged;
        for (Fixtures.Row r : rows) {
            byEdge.computeIfAbsent(r.from() + ">" + r.to(), k -> new ArrayList<>()).add(r);
            byAddress.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
            if (!r.from().equals(r.to())) {
                byAddress.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    public String invalidReason(String type, List<String> a) {
        if (a.size() < 2) {
            return "too_few_addresses";
        }
        if (new HashSet<>(a).size() != a.size()) {
            return "repeated_address";
        }
        for (String x : a) {
            if (!byAddress.containsKey(x)) {
                return "unknown_address";
            }
        }
        int k = a.size();
        switch (type) {
            case "cycle" -> {
                for (int i = 0; i < k; i++) {
                    if (!edge(a.get(i), a.get((i + 1) % k))) {
                        return "missing_edge";
                    }
                }
            }
            case "layering_path" -> {
                if (k < 4) {
                    return "too_few_addresses";
                }
                long t = Long.MIN_VALUE;
                for (int i = 0; i + 1 < k; i++) {
                    List<Fixtures.Row> hop = byEdge.get(a.get(i) + ">" + a.get(i + 1));
                    if (hop == null) {
                        return "missing_edge";
                    }
                    long best = Long.MAX_VALUE;
                    for (Fixtures.Row r : hop) {
                        if (r.ts() >= t) {
                            best = Math.min(best, r.ts());
                        }
                    }
                    if (best == Long.MAX_VALUE) {
                        return "not_time_ordered";
                    }
                    t = best;
                }
            }
            case "motif_fanin", "motif_fanout" -> {
                if (k < 4) {
                    return "too_few_addresses";
                }
                for (int i = 1; i < k; i++) {
                    boolean ok = type.equals("motif_fanin") ? edge(a.get(i), a.get(0)) : edge(a.get(0), a.get(i));
                    if (!ok) {
                        return "missing_edge";
                    }
                }
            }
            case "smurfing_network" -> {
                return k < 3 ? "too_few_addresses" : connected(a) ? null : "missing_edge";
            }
            case "proximity_risk" -> {
                if (k > 7) {
                    return "rule_not_met";
                }
                for (int i = 0; i + 1 < k; i++) {
                    if (!edge(a.get(i), a.get(i + 1)) && !edge(a.get(i + 1), a.get(i))) {
                        return "missing_edge";
                    }
                }
                return flagged.contains(a.get(k - 1)) ? null : "not_flagged";
            }
            case "temporal_burst" -> {
                return burst(a) ? null : "rule_not_met";
            }
            case "threshold_evasion" -> {
                return threshold(a) ? null : "rule_not_met";
            }
            default -> {
                return "unknown_type";
            }
        }
        return null;
    }

    private boolean edge(String from, String to) {
        return byEdge.containsKey(from + ">" + to);
    }

    private boolean connected(List<String> a) {
        Set<String> reached = new HashSet<>(List.of(a.get(0)));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String x : a) {
                if (!reached.contains(x)) {
                    for (String y : reached) {
                        if (edge(x, y) || edge(y, x)) {
                            reached.add(x);
                            grew = true;
                            break;
                        }
                    }
                }
            }
        }
        return reached.size() == a.size();
    }

    /** Some window [t, t + 1 h) holds >= 10 of a's transfers and every listed counterpart. */
    private boolean burst(List<String> a) {
        String center = a.get(0);
        List<Fixtures.Row> rows = new ArrayList<>(byAddress.get(center));
        rows.sort(java.util.Comparator.comparingLong(Fixtures.Row::ts));
        List<String> listed = a.subList(1, a.size());
        Map<String, Integer> inWindow = new HashMap<>();
        int hi = 0;
        for (int lo = 0; lo < rows.size(); lo++) {
            long t = rows.get(lo).ts();
            while (hi < rows.size() && rows.get(hi).ts() < t + HOUR_MS) {
                inWindow.merge(other(rows.get(hi++), center), 1, Integer::sum);
            }
            if (hi - lo >= 10 && inWindow.keySet().containsAll(listed)) {
                return true;
            }
            inWindow.computeIfPresent(other(rows.get(lo), center), (k, v) -> v == 1 ? null : v - 1);
        }
        return false;
    }

    private static String other(Fixtures.Row r, String center) {
        return r.from().equals(center) ? r.to() : r.from();
    }

    private boolean threshold(List<String> a) {
        String sender = a.get(0);
        for (BigDecimal t : THRESHOLDS) {
            BigDecimal low = t.multiply(new BigDecimal("0.8"));
            int count = 0;
            Set<String> receivers = new HashSet<>();
            for (Fixtures.Row r : byAddress.get(sender)) {
                BigDecimal v = Fixtures.exact(r.usd());
                if (r.from().equals(sender) && v.compareTo(low) >= 0 && v.compareTo(t) < 0) {
                    count++;
                    receivers.add(r.to());
                }
            }
            if (count >= 5 && receivers.containsAll(a.subList(1, a.size()))) {
                return true;
            }
        }
        return false;
    }
}
