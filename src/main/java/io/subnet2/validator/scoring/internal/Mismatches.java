package io.subnet2.validator.scoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts gate failures per check, keeping the first few offending addresses (in file order). */
final class Mismatches {

    private final int examples;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> samples = new LinkedHashMap<>();

    Mismatches(int examples) {
        this.examples = examples;
    }

    void add(String check, String address, String detail, long count) {
        counts.merge(check, count, Long::sum);
        List<String> list = samples.computeIfAbsent(check, k -> new ArrayList<>());
        if (list.size() < examples) {
            list.add(address == null ? detail : address + ": " + detail);
        }
    }

    List<String> describe() {
        List<String> out = new ArrayList<>();
        counts.forEach((check, count) -> out.add(switch (check) {
            case "address" -> count + " rows with a null address";
            case "duplicate" -> count + " addresses listed more than once (e.g. "
                    + String.join(", ", samples.get(check)) + ")";
            default -> "column " + check + " differs for " + count + " addresses (e.g. "
                    + String.join("; ", samples.get(check)) + ")";
        }));
        return out;
    }
}
