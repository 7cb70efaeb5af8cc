package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

import org.apache.avro.util.Utf8;

/**
 * The address population: numbers {@code [0, population)}, where a lower number is a busier address
 * (rank of the endpoint law); its string is the keyed permutation of the number ({@link Ids}), so
 * neither rank nor role can be read off it. Injected instances are hosted on population addresses
 * ({@link HostAssigner}); a host's background draws are thinned by its pattern transfers so that its
 * total activity keeps the population's distribution.
 */
public final class AddressBook {

    /** Share of background endpoints drawn from the heavy-tailed law; the rest are uniform. */
    private static final double ZIPF_SHARE = 0.55;
    private static final int CACHE_LIMIT = 2_000_000;

    private final Ids ids;
    private final int population;
    private final double logPopulation;
    private final Utf8[] cache;
    private float[] skipAsSender;
    private float[] skipAsReceiver;

    public AddressBook(Ids ids, int population) {
        if (population < 2) {
            throw new IllegalArgumentException("need at least 2 addresses");
        }
        this.ids = ids;
        this.population = population;
        this.logPopulation = StrictMath.log(population + 1.0);
        this.cache = new Utf8[Math.min(population, CACHE_LIMIT)];
        for (int id = 0; id < cache.length; id++) {
            cache[id] = new Utf8(ids.address(id));
        }
    }

    public int population() {
        return population;
    }

    /** An endpoint: Zipf(1) rank with probability {@link #ZIPF_SHARE}, else uniform. */
    public int sample(SplittableRandom random) {
        if (random.nextDouble() < ZIPF_SHARE) {
            long rank = (long) StrictMath.exp(random.nextDouble() * logPopulation) - 1;
            return (int) Math.min(rank, population - 1);
        }
        return random.nextInt(population);
    }

    /** Probability that one {@link #sample} draw is {@code rank} (the law of {@link #sample}). */
    public double drawShare(int rank) {
        double zipf = (StrictMath.log(rank + 2.0) - StrictMath.log(rank + 1.0)) / logPopulation;
        return ZIPF_SHARE * zipf + (1 - ZIPF_SHARE) / population;
    }

    /** Thinning of background draws: per rank, the probability that a draw as sender / receiver is redrawn. */
    void thin(float[] asSender, float[] asReceiver) {
        this.skipAsSender = asSender;
        this.skipAsReceiver = asReceiver;
    }

    /** A background sender: {@link #sample}, redrawn with the rank's thinning probability. */
    int sender(SplittableRandom random) {
        return thinned(random, skipAsSender);
    }

    int receiver(SplittableRandom random) {
        return thinned(random, skipAsReceiver);
    }

    private int thinned(SplittableRandom random, float[] skip) {
        while (true) {
            int rank = sample(random);
            if (skip == null || skip[rank] == 0f || random.nextFloat() >= skip[rank]) {
                return rank;
            }
        }
    }

    /** One of the {@code top} busiest addresses (exchanges and other hubs). */
    public int hub(SplittableRandom random, int top) {
        return random.nextInt(Math.min(top, population));
    }

    /** The address as Utf8; cached for the first {@value #CACHE_LIMIT} ranks (filled once, then read-only). */
    public Utf8 utf8(long id) {
        return id < cache.length ? cache[(int) id] : new Utf8(ids.address(id));
    }

    public String string(long id) {
        return ids.addressString(id);
    }
}
