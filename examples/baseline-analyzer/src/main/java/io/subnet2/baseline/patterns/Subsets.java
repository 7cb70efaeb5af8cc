package io.subnet2.baseline.patterns;

import java.util.Arrays;

/** Small subset sums over transfer amounts, for conserved-flow checks. */
final class Subsets {

    private Subsets() {
    }

    /**
     * Positions (into {@code txs[0..len)}) of at most {@code max} (1 to 3) transfers whose amounts sum
     * to {@code target} within {@link Flow#same}; null when there are none.
     */
    static int[] summingTo(double[] usd, int[] txs, int len, double target, int max) {
        double[] v = new double[len];
        Integer[] idx = new Integer[len];
        for (int i = 0; i < len; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(usd[txs[a]], usd[txs[b]]));
        for (int i = 0; i < len; i++) {
            v[i] = usd[txs[idx[i]]];
        }
        for (int i = 0; i < len; i++) {
            if (Flow.same(v[i], target)) {
                return new int[] {idx[i]};
            }
        }
        if (max >= 2) {
            int[] pair = pair(v, 0, len, target);
            if (pair != null) {
                return new int[] {idx[pair[0]], idx[pair[1]]};
            }
        }
        if (max >= 3) {
            for (int i = 0; i < len && v[i] < target; i++) {
                int[] pair = pair(v, i + 1, len, target - v[i]);
                if (pair != null) {
                    return new int[] {idx[i], idx[pair[0]], idx[pair[1]]};
                }
            }
        }
        return null;
    }

    /** Two positions in sorted v[from..to) summing to target, by two pointers. */
    private static int[] pair(double[] v, int from, int to, double target) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            double sum = v[lo] + v[hi];
            if (Flow.same(sum, target)) {
                return new int[] {lo, hi};
            }
            if (sum < target) {
                lo++;
            } else {
                hi--;
            }
        }
        return null;
    }
}
