package io.subnet2.validator.dataset;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-side implementation of scoring.md §2: whether an ordered address list of a pattern type is
 * valid against the transfers and labels. Written independently of the generator.
 */
final class RuleChecker {

    private static final long HOUR_MS = 3_600_000L;
    private static final long[] THRESHOLDS = {10_000, 15_000, 50_000, 100_000};

    private record Event(long timestamp, String counterpart) {
    }

    private final Set<String> addresses = new HashSet<>();
    private final Map<String, List<Long>> edgeTimes = new HashMap<>();
    private final Map<String, List<Event>> events = new HashMap<>();
    private final Map<String, List<TransferTable.Transfer>> sent = new HashMap<>();
    private final Set<String> flagged;

    RuleChecker(List<TransferTable.Transfer> transfers, Set<String> flagged) {
        this.flagged = flagged;
        for (TransferTable.Transfer t : transfers) {
            addresses.add(t.from());
            addresses.add(t.to());
            edgeTimes.computeIfAbsent(t.from() + ">" + t.to(), k -> new ArrayList<>()).add(t.timestamp());
            events.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(new Event(t.timestamp(), t.to()));
            events.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(new Event(t.timestamp(), t.from()));
            sent.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
        }
        edgeTimes.values().forEach(list -> list.sort(Long::compare));
        events.values().forEach(list -> list.sort(Comparator.comparingLong(Event::timestamp)));
    }

    boolean present(String address) {
        return addresses.contains(address);
    }

    boolean edge(String from, String to) {
        return edgeTimes.containsKey(from + ">" + to);
    }

    /** Null when valid, else the reason. */
    String check(PatternType type, List<String> a) {
        if (new HashSet<>(a).size() != a.size()) {
            return "repeated_address";
        }
        for (String address : a) {
            if (!present(address)) {
                return "unknown_address " + address;
            }
        }
        return switch (type) {
            case CYCLE -> a.size() < 2 ? "too_few" : path(a) && edge(a.get(a.size() - 1), a.get(0)) ? null : "missing_edge";
            case LAYERING_PATH -> a.size() < 4 ? "too_few" : !path(a) ? "missing_edge"
                    : timeOrdered(a) ? null : "not_time_ordered";
            case MOTIF_FANIN -> star(a, true);
            case MOTIF_FANOUT -> star(a, false);
            case SMURFING_NETWORK -> a.size() < 3 ? "too_few" : connected(a) ? null : "rule_not_met";
            case PROXIMITY_RISK -> proximity(a);
            case TEMPORAL_BURST -> burst(a);
            case THRESHOLD_EVASION -> threshold(a);
        };
    }

    private boolean path(List<String> a) {
        for (int i = 0; i + 1 < a.size(); i++) {
            if (!edge(a.get(i), a.get(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean timeOrdered(List<String> a) {
        long last = Long.MIN_VALUE;
        for (int i = 0; i + 1 < a.size(); i++) {
            Long next = null;
            for (long t : edgeTimes.get(a.get(i) + ">" + a.get(i + 1))) {
                if (t >= last) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            last = next;
        }
        return true;
    }

    private String star(List<String> a, boolean in) {
        if (a.size() < 4) {
            return "too_few";
        }
        String center = a.get(0);
        for (String other : a.subList(1, a.size())) {
            if (in ? !edge(other, center) : !edge(center, other)) {
                return "missing_edge";
            }
        }
        return null;
    }

    private boolean connected(Collection<String> members) {
        Set<String> set = new HashSet<>(members);
        Set<String> reached = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        String first = members.iterator().next();
        queue.add(first);
        reached.add(first);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String other : set) {
                if (!reached.contains(other) && (edge(current, other) || edge(other, current))) {
                    reached.add(other);
                    queue.add(other);
                }
            }
        }
        return reached.size() == set.size();
    }

    private String proximity(List<String> a) {
        if (a.size() < 2 || a.size() > 7) {
            return "too_few";
        }
        for (int i = 0; i + 1 < a.size(); i++) {
            if (!edge(a.get(i), a.get(i + 1)) && !edge(a.get(i + 1), a.get(i))) {
                return "missing_edge";
            }
        }
        return flagged.contains(a.get(a.size() - 1)) ? null : "not_flagged";
    }

    private String burst(List<String> a) {
        List<Event> list = events.getOrDefault(a.get(0), List.of());
        Set<String> others = new HashSet<>(a.subList(1, a.size()));
        for (int i = 0, j = 0; i < list.size(); i++) {
            while (j < list.size() && list.get(j).timestamp() - list.get(i).timestamp() < HOUR_MS) {
                j++;
            }
            if (j - i >= 10) {
                Set<String> counterparts = new HashSet<>();
                list.subList(i, j).forEach(e -> counterparts.add(e.counterpart()));
                if (counterparts.containsAll(others)) {
                    return null;
                }
            }
        }
        return "rule_not_met";
    }

    private String threshold(List<String> a) {
        Set<String> others = new HashSet<>(a.subList(1, a.size()));
        for (long t : THRESHOLDS) {
            BigDecimal low = BigDecimal.valueOf(t).multiply(new BigDecimal("0.8"));
            BigDecimal high = BigDecimal.valueOf(t);
            int count = 0;
            Set<String> receivers = new HashSet<>();
            for (TransferTable.Transfer transfer : sent.getOrDefault(a.get(0), List.of())) {
                if (transfer.amountUsd().compareTo(low) >= 0 && transfer.amountUsd().compareTo(high) < 0) {
                    count++;
                    receivers.add(transfer.to());
                }
            }
            if (count >= 5 && receivers.containsAll(others)) {
                return null;
            }
        }
        return "rule_not_met";
    }
}
