package io.subnet2.validator.dataset.internal;

import java.util.SplittableRandom;

import org.apache.avro.util.Utf8;

/**
 * Address numbers: {@code [0, background)} are the background population, where a lower number is a
 * busier address (rank of a Zipf-like law); numbers from {@code background} up are fresh addresses
 * handed to injected instances, so instances never share an address by accident.
 */
public final class AddressBook {

    /** Share of background endpoints drawn from the heavy-tailed law; the rest are uniform. */
    private static final double ZIPF_SHARE = 0.55;
    private static final int CACHE_LIMIT = 2_000_000;

    private final Ids ids;
    private final int background;
    private final double logBackground;
    private final Utf8[] cache;
    private long nextFresh;

    public AddressBook(Ids ids, int background) {
        if (background < 2) {
            throw new IllegalArgumentException("need at least 2 background addresses");
        }
        this.ids = ids;
        this.background = background;
        this.logBackground = StrictMath.log(background + 1.0);
        this.cache = new Utf8[Math.min(background, CACHE_LIMIT)];
        for (int id = 0; id < cache.length; id++) {
            cache[id] = new Utf8(ids.address(id));
        }
        this.nextFresh = background;
    }

    public int background() {
        return background;
    }

    public long freshCount() {
        return nextFresh - background;
    }

    public long fresh() {
        return nextFresh++;
    }

    /** A background address: Zipf(1) rank with probability {@link #ZIPF_SHARE}, else uniform. */
    public int sample(SplittableRandom random) {
        if (random.nextDouble() < ZIPF_SHARE) {
            long rank = (long) StrictMath.exp(random.nextDouble() * logBackground) - 1;
            return (int) Math.min(rank, background - 1);
        }
        return random.nextInt(background);
    }

    /** One of the {@code top} busiest background addresses (exchanges and other hubs). */
    public int hub(SplittableRandom random, int top) {
        return random.nextInt(Math.min(top, background));
    }

    /** The address as Utf8; cached for busy background addresses (filled once, then read-only). */
    public Utf8 utf8(long id) {
        return id < cache.length ? cache[(int) id] : new Utf8(ids.address(id));
    }

    public String string(long id) {
        return ids.addressString(id);
    }
}
