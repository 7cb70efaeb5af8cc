package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

/**
 * Activity weight per block: a diurnal curve peaking mid-afternoon UTC with log-normal noise. The
 * background's share of each block follows it, and so do the start blocks of injected instances, so
 * neither time of day nor block density tells them apart.
 */
final class ActivityCurve {

    private final double[] cumulative;

    ActivityCurve(TimeGrid grid, SplittableRandom random) {
        cumulative = new double[grid.blockCount()];
        double sum = 0;
        for (int block = 0; block < cumulative.length; block++) {
            double diurnal = 1 + 0.35 * StrictMath.sin(2 * Math.PI * (grid.hourOfDay(block) - 9) / 24.0);
            sum += diurnal * StrictMath.exp(0.3 * Gaussian.next(random));
            cumulative[block] = sum;
        }
    }

    int blocks() {
        return cumulative.length;
    }

    /** Share of the activity up to and including {@code block}. */
    double cumulativeShare(int block) {
        return cumulative[block] / cumulative[cumulative.length - 1];
    }

    /** A block of {@code [0, limit)} drawn with probability proportional to its weight. */
    int draw(SplittableRandom random, int limit) {
        int end = Math.max(1, Math.min(limit, cumulative.length));
        double target = random.nextDouble() * cumulative[end - 1];
        int low = 0;
        int high = end - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
