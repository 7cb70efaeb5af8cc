package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

/**
 * Standard normal draws from the marsaglia polar method on {@link StrictMath}, so a seed gives the
 * same numbers on every JVM and CPU ({@code Math} functions and the JDK's own nextGaussian may use
 * platform intrinsics that differ in the last bit).
 */
final class Gaussian {

    private Gaussian() {
    }

    static double next(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }
}
