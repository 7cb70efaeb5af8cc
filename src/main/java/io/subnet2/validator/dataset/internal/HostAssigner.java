package io.subnet2.validator.dataset.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hosts the injector's placeholder slots (numbers from {@code population} up) on population
 * addresses, so instance addresses come from the same population as the background (integrity.md
 * "Dataset rules"): every slot gets its own address, never a hub, drawn uniformly among the ranks
 * whose expected background activity is at least {@link #HEADROOM} times its pattern transfers per
 * direction (any rank for a spoke; a busier one for a centre). The host's background draws are then
 * thinned by its pattern transfers, so its total activity keeps the distribution of the addresses
 * of its rank: an instance address is an ordinary address part of whose activity is the pattern.
 */
final class HostAssigner {

    private static final double HEADROOM = 1.5;
    private static final double MIN_EXTRA = 2;
    private static final float MAX_SKIP = 0.9f;
    private static final int TRIES = 32;

    /** Slot-to-host mapping and the thinning of every host's background draws. */
    record Hosting(long[] hosts, float[] skipAsSender, float[] skipAsReceiver) {

        long map(long id, int population) {
            return id >= population ? hosts[Math.toIntExact(id - population)] : id;
        }
    }

    private HostAssigner() {
    }

    /**
     * @param slots             slots used, numbered {@code population .. population + slots - 1}
     * @param hubs              the busiest ranks, never hosts (exchanges the patterns fund from and cash out to)
     * @param backgroundDraws   background transfers, i.e. sender (and receiver) draws of the population
     */
    static Hosting host(AddressBook book, int slots, int hubs, long backgroundDraws, List<InjectedTransfer> transfers,
                        SplittableRandom random) {
        int population = book.population();
        if (slots > population - hubs) {
            throw new IllegalArgumentException("population of " + population + " too small for " + slots + " slots");
        }
        int[] sent = new int[slots];
        int[] received = new int[slots];
        for (InjectedTransfer t : transfers) {
            if (t.from() >= population) {
                sent[Math.toIntExact(t.from() - population)]++;
            }
            if (t.to() >= population) {
                received[Math.toIntExact(t.to() - population)]++;
            }
        }
        double[] expected = new double[population];
        for (int rank = 0; rank < population; rank++) {
            expected[rank] = backgroundDraws * book.drawShare(rank);
        }
        List<Integer> order = new ArrayList<>();
        long[] tieBreak = new long[slots];
        for (int s = 0; s < slots; s++) {
            order.add(s);
            tieBreak[s] = random.nextLong();
        }
        // the most demanding slots choose first, so busy ranks remain for them
        order.sort(Comparator.<Integer>comparingInt(s -> -Math.max(sent[s], received[s]))
                .thenComparingLong(s -> tieBreak[s]));
        long[] hosts = new long[slots];
        float[] skipAsSender = new float[population];
        float[] skipAsReceiver = new float[population];
        BitSet used = new BitSet(population);
        for (int s : order) {
            double need = HEADROOM * Math.max(sent[s], received[s]) + MIN_EXTRA;
            int host = pick(expected, need, hubs, used, random);
            used.set(host);
            hosts[s] = host;
            skipAsSender[host] = skip(sent[s], expected[host]);
            skipAsReceiver[host] = skip(received[s], expected[host]);
        }
        return new Hosting(hosts, skipAsSender, skipAsReceiver);
    }

    private static float skip(int patternTransfers, double expected) {
        return expected <= 0 ? 0f : (float) Math.min(MAX_SKIP, patternTransfers / expected);
    }

    /** A free rank in {@code [hubs, limit]}, limit the last rank expecting {@code need}, widened while all are taken. */
    private static int pick(double[] expected, double need, int hubs, BitSet used, SplittableRandom random) {
        int limit = Math.max(hubs, lastRankWith(expected, need));
        while (true) {
            int range = limit - hubs + 1;
            for (int i = 0; i < TRIES; i++) {
                int rank = hubs + random.nextInt(range);
                if (!used.get(rank)) {
                    return rank;
                }
            }
            int free = used.nextClearBit(hubs + random.nextInt(range));
            if (free > limit) {
                free = used.nextClearBit(hubs);
            }
            if (free <= limit) {
                return free;
            }
            limit = Math.min(expected.length - 1, 2 * limit + 1);
        }
    }

    /** The last rank whose expected draws are at least {@code need} (expected falls with the rank), or -1. */
    private static int lastRankWith(double[] expected, double need) {
        int low = -1;
        int high = expected.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (expected[mid] >= need) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
