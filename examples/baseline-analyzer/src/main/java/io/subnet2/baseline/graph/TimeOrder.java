package io.subnet2.baseline.graph;

import java.util.Arrays;

/** Row ids ordered by (timestamp, row) with a primitive sort of packed keys. */
final class TimeOrder {

    private TimeOrder() {
    }

    static int[] of(long[] ts) {
        int m = ts.length;
        int[] order = new int[m];
        if (m == 0) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long x : ts) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(m);
        long range = max - min;
        if (range >= 0 && 64 - Long.numberOfLeadingZeros(range) + rowBits <= 63) {
            long[] keys = new long[m];
            for (int i = 0; i < m; i++) {
                keys[i] = ((ts[i] - min) << rowBits) | i;
            }
            Arrays.sort(keys);
            long mask = (1L << rowBits) - 1;
            for (int i = 0; i < m; i++) {
                order[i] = (int) (keys[i] & mask);
            }
            return order;
        }
        // timestamps spread too wide to pack: boxed sort, slower but exact
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> a.equals(b) ? 0
                : ts[a] != ts[b] ? Long.compare(ts[a], ts[b]) : Integer.compare(a, b));
        for (int i = 0; i < m; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
