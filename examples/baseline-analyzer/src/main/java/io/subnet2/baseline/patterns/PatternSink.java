package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one detector's patterns: drops those with a repeated address or fewer than two
 * addresses, keeps one pattern per address set (the most confident), and finally keeps the
 * {@code cap} most confident ones with deterministic ids (type + hash of the sorted addresses).
 */
public final class PatternSink {

    private final Graph g;
    private final int cap;
    private final Map<String, Pattern> bySet = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    public PatternSink(Graph g, int cap) {
        this.g = g;
        this.cap = cap;
    }

    public void add(String type, int[] addresses, double confidence) {
        if (addresses.length < 2) {
            return;
        }
        int[] sorted = addresses.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return;
            }
        }
        String key = type + Arrays.toString(sorted);
        Pattern previous = bySet.get(key);
        if (previous == null) {
            order.add(key);
        }
        if (previous == null || confidence > previous.confidence()) {
            bySet.put(key, new Pattern(type, addresses.clone(), confidence));
        }
    }

    public int size() {
        return bySet.size();
    }

    /** The kept patterns: confidence descending, then id; at most {@code cap}. */
    public List<Identified> result() {
        List<Identified> all = new ArrayList<>(bySet.size());
        Set<String> ids = new HashSet<>();
        for (String key : order) {
            Pattern p = bySet.get(key);
            String[] names = new String[p.addresses().length];
            for (int i = 0; i < names.length; i++) {
                names[i] = g.name(p.addresses()[i]);
            }
            String id = id(p.type(), names);
            if (ids.add(id)) { // a 64-bit hash collision drops the later pattern
                all.add(new Identified(id, p.type(), names, p.confidence()));
            }
        }
        all.sort(Comparator.comparingDouble((Identified x) -> -x.confidence()).thenComparing(Identified::id));
        return all.size() > cap ? List.copyOf(all.subList(0, cap)) : all;
    }

    /** type + '_' + 16 hex digits of SHA-256 over the type and the sorted addresses. */
    static String id(String type, String[] addresses) {
        String[] names = addresses.clone();
        Arrays.sort(names);
        MessageDigest sha = sha256();
        sha.update(type.getBytes(StandardCharsets.UTF_8));
        for (String name : names) {
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = sha.digest();
        StringBuilder sb = new StringBuilder(type).append('_');
        for (int i = 0; i < 8; i++) {
            sb.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pattern as written: id, type, ordered addresses, confidence. */
    public record Identified(String id, String type, String[] addresses, double confidence) {
    }
}
