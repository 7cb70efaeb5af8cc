package io.subnet2.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recall and precision as scoring.md section 3 defines them, computed with {@link RuleChecker}:
 * an instance is found when the valid patterns sharing an address with it cover >= 50% of its
 * (reachable) addresses. {@code sameType} restricts those patterns to the instance's type.
 */
public record Evaluation(int reported, int valid, Map<String, int[]> foundByType, double recall,
        double precision, Map<String, Integer> invalidReasons) {

    public record Reported(String type, List<String> addresses) {
    }

    public static Evaluation of(List<Reported> patterns, SyntheticData.Dataset data, boolean sameType) {
        Set<String> flagged = new HashSet<>();
        data.labels().forEach((a, l) -> {
            if (l.get(0).equals("flagged") || l.get(2).equals("critical")) {
                flagged.add(a);
            }
        });
        RuleChecker checker = new RuleChecker(data.rows(), flagged);
        Set<String> seen = new HashSet<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, List<Reported>> validByAddress = new HashMap<>();
        int valid = 0;
        for (Reported p : patterns) {
            String reason = checker.invalidReason(p.type(), p.addresses());
            if (reason == null && !seen.add(p.type() + new java.util.TreeSet<>(p.addresses()))) {
                reason = "duplicate";
            }
            if (reason != null) {
                reasons.merge(reason, 1, Integer::sum);
                continue;
            }
            valid++;
            for (String a : p.addresses()) {
                validByAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
            }
        }
        Set<String> active = new HashSet<>();
        for (Fixtures.Row r : data.rows()) {
            active.add(r.from());
            active.add(r.to());
        }
        Map<String, int[]> byType = new TreeMap<>();
        int found = 0;
        int counted = 0;
        for (SyntheticData.Instance inst : data.instances()) {
            Set<String> reachable = new HashSet<>(inst.addresses());
            reachable.retainAll(active);
            if (reachable.size() < 2) {
                continue;
            }
            Set<String> covered = new HashSet<>();
            for (String a : reachable) {
                for (Reported p : validByAddress.getOrDefault(a, List.of())) {
                    if (!sameType || p.type().equals(inst.type())) {
                        covered.addAll(p.addresses());
                    }
                }
            }
            covered.retainAll(reachable);
            boolean hit = covered.size() * 2 >= reachable.size();
            int[] tally = byType.computeIfAbsent(inst.type(), k -> new int[2]);
            tally[0] += hit ? 1 : 0;
            tally[1]++;
            found += hit ? 1 : 0;
            counted++;
        }
        double recall = counted == 0 ? 0 : (double) found / counted;
        double precision = patterns.isEmpty() ? 0 : (double) valid / patterns.size();
        return new Evaluation(patterns.size(), valid, byType, recall, precision, reasons);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("recall %.3f precision %.4f (%d of %d valid)",
                recall, precision, valid, reported));
        foundByType.forEach((t, v) -> sb.append(String.format("%n  %-18s %d/%d", t, v[0], v[1])));
        if (!invalidReasons.isEmpty()) {
            sb.append("\n  invalid: ").append(invalidReasons);
        }
        return sb.toString();
    }
}
