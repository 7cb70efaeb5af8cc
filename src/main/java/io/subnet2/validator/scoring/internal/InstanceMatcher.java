package io.subnet2.validator.scoring.internal;

import java.util.List;

/**
 * Which counted instance a valid pattern finds (integrity.md "Match"): P matches I when
 * |P ∩ R| ≥ recall-coverage·|R| and |P ∩ R| ≥ match-purity·|P|; of the matching instances not yet
 * found, the one with the largest overlap, ties to the lowest instance (instances are sorted by id).
 * Overlaps come from an address → instances table, so a pattern costs its addresses' memberships,
 * never a scan of the instances.
 */
final class InstanceMatcher {

    private final int[] start;
    private final int[] members;
    private final int[] sizes;
    private final int[] overlap;
    private final int[] touched;
    private final double coverage;
    private final double purity;

    /** {@code counted[j]}: whether instance j counts (≥ 2 reachable addresses); others never match. */
    InstanceMatcher(List<ReferenceData.Instance> instances, boolean[] counted, int addresses, double coverage,
                    double purity) {
        this.coverage = coverage;
        this.purity = purity;
        int n = instances.size();
        sizes = new int[n];
        overlap = new int[n];
        touched = new int[n];
        start = new int[addresses + 1];
        for (int j = 0; j < n; j++) {
            sizes[j] = instances.get(j).reachable().length;
            if (counted[j]) {
                for (int a : instances.get(j).reachable()) {
                    start[a + 1]++;
                }
            }
        }
        for (int a = 0; a < addresses; a++) {
            start[a + 1] += start[a];
        }
        members = new int[start[addresses]];
        int[] next = java.util.Arrays.copyOf(start, addresses);
        for (int j = 0; j < n; j++) {
            if (counted[j]) {
                for (int a : instances.get(j).reachable()) {
                    members[next[a]++] = j;
                }
            }
        }
    }

    /**
     * The instance that {@code listed} (a valid pattern: distinct known addresses) finds, or -1 when it
     * matches no instance that is not yet {@code found}.
     */
    int best(int[] listed, boolean[] found) {
        int count = 0;
        for (int a : listed) {
            for (int k = start[a]; k < start[a + 1]; k++) {
                int j = members[k];
                if (overlap[j]++ == 0) {
                    touched[count++] = j;
                }
            }
        }
        int best = -1;
        int bestOverlap = 0;
        double purityBar = purity * listed.length;
        for (int t = 0; t < count; t++) {
            int j = touched[t];
            int o = overlap[j];
            overlap[j] = 0;
            if (!found[j] && o >= coverage * sizes[j] && o >= purityBar
                    && (o > bestOverlap || o == bestOverlap && j < best)) {
                best = j;
                bestOverlap = o;
            }
        }
        return best;
    }
}
