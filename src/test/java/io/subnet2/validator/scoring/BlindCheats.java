package io.subnet2.validator.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subnet2.validator.scoring.ScoringFixtures.Pattern;

/**
 * The cheats of integrity.md "The cheats" written as a cheater would: from the transfer graph of
 * the input files alone (no secret, no ground truth), each a list of patterns that "valid" lets
 * through. Where integrity.md names two confidences, both variants exist: a constant, and
 * 1 / (distinct counterparties of the pattern's first address) so low-degree structures rank first.
 */
final class BlindCheats {

    /** Enumerations (triangles, paths) stop here; far above what a run may report is pointless. */
    static final int ENUMERATION_CAP = 200_000;
    private static final int MAX_SIZE = 256;

    private final TransferGraph g;

    BlindCheats(TransferGraph g) {
        this.g = g;
    }

    /** Every cheat by name, in a fixed order. */
    Map<String, List<Pattern>> all() {
        Map<String, List<Pattern>> cheats = new LinkedHashMap<>();
        cheats.put("every-component-as-one-pattern",
                asType("component", "smurfing_network", g.connectedPieces(a -> true, Integer.MAX_VALUE), false));
        cheats.put("connected-chunks-of-256",
                asType("chunk", "smurfing_network", g.connectedPieces(a -> true, MAX_SIZE), false));
        for (boolean inverse : new boolean[] {false, true}) {
            String suffix = inverse ? "-confidence-1/degree" : "-constant-confidence";
            cheats.put("1-hop-neighbourhoods" + suffix, asType("hood", "smurfing_network", neighbourhoods(), inverse));
        }
        for (int d : new int[] {2, 3, 5}) {
            cheats.put("low-degree-components-max-" + d, asType("low", "smurfing_network",
                    g.connectedPieces(a -> g.degree(a) <= d, MAX_SIZE), false));
        }
        List<int[]> triangles = triangles();
        List<int[]> paths = risingPaths();
        List<int[]> fanIns = stars(true);
        List<int[]> fanOuts = stars(false);
        for (boolean inverse : new boolean[] {false, true}) {
            String suffix = inverse ? "-confidence-1/degree" : "-constant-confidence";
            cheats.put("every-3-cycle" + suffix, asType("tri", "cycle", triangles, inverse));
            cheats.put("every-rising-4-path" + suffix, asType("path", "layering_path", paths, inverse));
            cheats.put("every-fan-in-of-3" + suffix, asType("in", "motif_fanin", fanIns, inverse));
            cheats.put("every-fan-out-of-3" + suffix, asType("out", "motif_fanout", fanOuts, inverse));
        }
        return cheats;
    }

    private List<Pattern> asType(String prefix, String type, List<int[]> lists, boolean inverseDegree) {
        List<Pattern> patterns = new ArrayList<>(lists.size());
        for (int[] list : lists) {
            if (list.length < 2) {
                continue;
            }
            double confidence = inverseDegree ? 1.0 / Math.max(1, g.degree(list[0])) : 1.0;
            patterns.add(new Pattern(prefix + "-" + patterns.size(), type, g.names(list), confidence));
        }
        return patterns;
    }

    /** Each address with its first 255 counterparties: connected through the address. */
    private List<int[]> neighbourhoods() {
        List<int[]> hoods = new ArrayList<>(g.size());
        for (int a = 0; a < g.size(); a++) {
            int[] nbrs = g.both[a];
            int[] hood = new int[1 + Math.min(nbrs.length, MAX_SIZE - 1)];
            hood[0] = a;
            System.arraycopy(nbrs, 0, hood, 1, hood.length - 1);
            hoods.add(hood);
        }
        return hoods;
    }

    /** Every directed triangle a→b→c→a once, starting at its lowest address. */
    private List<int[]> triangles() {
        List<int[]> found = new ArrayList<>();
        for (int a = 0; a < g.size() && found.size() < ENUMERATION_CAP; a++) {
            for (int b : g.out[a]) {
                if (b <= a) {
                    continue;
                }
                for (int c : g.out[b]) {
                    if (c > a && c != b && g.hasEdge(c, a) && found.size() < ENUMERATION_CAP) {
                        found.add(new int[] {a, b, c});
                    }
                }
            }
        }
        return found;
    }

    /** Every path a→b→c→d of distinct addresses with one transfer per hop at non-decreasing times. */
    private List<int[]> risingPaths() {
        List<int[]> found = new ArrayList<>();
        for (int a = 0; a < g.size() && found.size() < ENUMERATION_CAP; a++) {
            for (int i = 0; i < g.out[a].length && found.size() < ENUMERATION_CAP; i++) {
                int b = g.out[a][i];
                long t1 = g.outTimes[a][i][0];
                for (int c : g.out[b]) {
                    long t2 = g.earliestEdge(b, c, t1);
                    if (c == a || c == b || t2 == Long.MAX_VALUE) {
                        continue;
                    }
                    for (int d : g.out[c]) {
                        if (d != a && d != b && d != c && g.earliestEdge(c, d, t2) != Long.MAX_VALUE
                                && found.size() < ENUMERATION_CAP) {
                            found.add(new int[] {a, b, c, d});
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every address with at least 3 senders (receivers): itself and up to 255 of them. */
    private List<int[]> stars(boolean inward) {
        List<int[]> stars = new ArrayList<>();
        for (int a = 0; a < g.size(); a++) {
            int center = a;
            int[] leaves = Arrays.stream(inward ? g.in[a] : g.out[a]).filter(x -> x != center).toArray();
            if (leaves.length >= 3) {
                int[] star = new int[1 + Math.min(leaves.length, MAX_SIZE - 1)];
                star[0] = a;
                System.arraycopy(leaves, 0, star, 1, star.length - 1);
                stars.add(star);
            }
        }
        return stars;
    }
}
