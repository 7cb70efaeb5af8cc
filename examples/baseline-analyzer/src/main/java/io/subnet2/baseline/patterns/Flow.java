package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;
import java.util.Arrays;

/**
 * Money-flow evidence shared by the detectors. Laundering moves value: what comes in goes out again,
 * whole, split or less a small fee, soon after. Chance structures of busy background traffic (a
 * popular address, a random triangle) rarely conserve amounts, so conserved flows rank first:
 * patterns backed by such evidence get a confidence of at least {@link #EVIDENCE}, patterns that only
 * meet their type's rule stay below {@link #SHAPE_ONLY}.
 */
final class Flow {

    /** Lowest confidence of a pattern backed by conserved amounts. */
    static final double EVIDENCE = 0.9;
    /** Confidences of shape-only patterns are scaled below this. */
    static final double SHAPE_ONLY = 0.45;
    static final long HOUR_MS = 3_600_000L;

    private Flow() {
    }

    /** Equal amounts, up to the rounding of USD micro-units and of double sums. */
    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 2e-6 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** A shape-only confidence in [0, 1] mapped below {@link #SHAPE_ONLY}. */
    static double shapeOnly(double confidence) {
        return SHAPE_ONLY * Math.max(0, Math.min(1, confidence));
    }

    /** Degree from which an address counts as a hub (exchange-like): the 99th percentile, at least 50. */
    static int hubDegree(Graph g) {
        int[] degrees = new int[g.n];
        for (int a = 0; a < g.n; a++) {
            degrees[a] = g.undDegree(a);
        }
        Arrays.sort(degrees);
        return Math.max(50, g.n == 0 ? 0 : degrees[(int) Math.min(g.n - 1, Math.floor(g.n * 0.99))]);
    }
}
