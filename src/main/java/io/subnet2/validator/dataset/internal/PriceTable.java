package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

/** Daily USD prices (micro-dollars) per asset over the window: a seeded geometric random walk. */
public final class PriceTable {

    private final long[][] micros;

    public PriceTable(NetworkProfile profile, int days, SplittableRandom random) {
        micros = new long[profile.assets().size()][days];
        for (int a = 0; a < micros.length; a++) {
            NetworkProfile.Asset asset = profile.assets().get(a);
            double price = asset.volatility() == 0 ? 1.0 : asset.basePriceUsd() * StrictMath.exp(0.25 * Gaussian.next(random));
            for (int d = 0; d < days; d++) {
                double today = asset.volatility() == 0
                        ? 1.0 + 0.0005 * Gaussian.next(random)
                        : (price *= StrictMath.exp(asset.volatility() * Gaussian.next(random)));
                micros[a][d] = Math.max(1, Math.round(today * 1e6));
            }
        }
    }

    public int assets() {
        return micros.length;
    }

    public int days() {
        return micros[0].length;
    }

    public long priceMicros(int asset, int day) {
        return micros[asset][day];
    }

    /** Token amount (micro-units) worth {@code usdMicros} on that day; at least one micro-unit. */
    public long amountMicros(int asset, int day, long usdMicros) {
        return Math.max(1, Math.round(usdMicros * (1e6 / micros[asset][day])));
    }
}
