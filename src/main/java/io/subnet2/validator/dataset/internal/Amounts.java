package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

/** USD amount law shared by background and injected transfers (log-normal, heavy right tail). */
public final class Amounts {

    private static final double LOG_MEDIAN_USD = StrictMath.log(250.0);
    private static final double SIGMA = 1.8;
    private static final long MIN_MICROS = 500_000L;               // $0.50
    private static final long MAX_MICROS = 20_000_000L * 1_000_000L; // $20 M

    private Amounts() {
    }

    /** A USD amount in micro-dollars. */
    public static long usdMicros(SplittableRandom random) {
        double usd = StrictMath.exp(LOG_MEDIAN_USD + SIGMA * Gaussian.next(random));
        return Math.min(MAX_MICROS, Math.max(MIN_MICROS, Math.round(usd * 1e6)));
    }

    /**
     * A USD amount of at least {@code minUsd} (larger flows for layering, cycles and proximity): the
     * law's own tail, by rejection, never clamped onto the round value {@code minUsd} itself.
     */
    public static long usdMicrosAtLeast(SplittableRandom random, long minUsd) {
        long min = minUsd * 1_000_000L;
        while (true) {
            long usd = usdMicros(random);
            if (usd > min) {
                return usd;
            }
        }
    }

    /** Uniform in [lowUsd, highUsd) micro-dollars. */
    public static long uniformMicros(SplittableRandom random, double lowUsd, double highUsd) {
        long low = (long) Math.ceil(lowUsd * 1e6);
        long high = (long) Math.floor(highUsd * 1e6);
        return low + random.nextLong(high - low);
    }

    /** Network fee in micro-units of the native asset. */
    public static long feeMicros(SplittableRandom random, double nativePriceUsd) {
        double usd = StrictMath.exp(StrictMath.log(1.5) + 0.9 * Gaussian.next(random));
        return Math.max(1, Math.round(usd / nativePriceUsd * 1e6));
    }
}
