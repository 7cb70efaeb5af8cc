package io.subnet2.baseline.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strings to dense int ids in order of first appearance (deterministic for the same input). */
public final class Interner {

    private final Map<String, Integer> ids = new HashMap<>(1 << 16);
    private final List<String> names = new ArrayList<>(1 << 16);

    public int id(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(s, next);
        names.add(s);
        return next;
    }

    /** The id of a known string, or -1. */
    public int find(String s) {
        Integer id = ids.get(s);
        return id == null ? -1 : id;
    }

    public int size() {
        return names.size();
    }

    public String[] names() {
        return names.toArray(new String[0]);
    }
}
