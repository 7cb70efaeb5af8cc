package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the transfers block by block on the calling thread: each block gets its share of
 * background transfers ({@link ActivityCurve}, summing exactly to the requested count) randomly
 * interleaved with the injected transfers of that block, both kinds numbered by one transaction
 * counter and grouped into multi-event transactions alike. Rows go into row-group-sized batches that
 * {@link PartWriters} encodes in parallel; the parts are then concatenated in order.
 */
final class TransferStream {

    /** Probability that a background transfer is one more event of the previous transaction. */
    private static final double SAME_TX = 0.08;
    private static final int MAX_EVENTS = 6;
    private static final long SUB_MICRO = 1_000_000_000_000L;

    private final TimeGrid grid;
    private final AddressBook book;
    private final NetworkProfile profile;
    private final PriceTable prices;
    private final ActivityCurve curve;
    private final SplittableRandom random;
    private final BitSet seen = new BitSet();
    private final double nativePrice;

    TransferStream(TimeGrid grid, ActivityCurve curve, AddressBook book, NetworkProfile profile, PriceTable prices,
                   SplittableRandom random) {
        this.curve = curve;
        this.grid = grid;
        this.book = book;
        this.profile = profile;
        this.prices = prices;
        this.random = random;
        this.nativePrice = profile.assets().get(0).basePriceUsd();
    }

    /** Distinct addresses that appeared in the written transfers. */
    long addresses() {
        return seen.cardinality();
    }

    /** Writes {@code background} generated plus all injected transfers; returns the row count. */
    long write(Path file, Ids ids, long background, List<InjectedTransfer> injected, int rowGroupRows, int threads)
            throws IOException {
        int batchRows = (int) Math.min(Math.min(rowGroupRows, ParquetFiles.ROW_GROUP_ROWS), background + injected.size());
        try (PartWriters parts = new PartWriters(file, batchRows, threads,
                () -> new TransferWriter(ids, book, grid, profile))) {
            long rows = generate(parts, background, injected);
            ParquetFiles.concatenateAndDelete(parts.finish(), file);
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing transfers");
        }
    }

    private long generate(PartWriters parts, long background, List<InjectedTransfer> injected)
            throws IOException, InterruptedException {
        long tx = 0;
        long emitted = 0;
        long rows = 0;
        int next = 0;
        for (int block = 0; block < grid.blockCount(); block++) {
            long upTo = block == grid.blockCount() - 1 ? background
                    : (long) Math.floor(background * curve.cumulativeShare(block));
            long bg = upTo - emitted;
            emitted = upTo;
            int end = next;
            while (end < injected.size() && injected.get(end).block() == block) {
                end++;
            }
            int day = grid.day(block);
            int event = 0;
            long prevFrom = -1;
            while (bg > 0 || next < end) {
                TransferBatch batch = parts.batch();
                rows++;
                long inj = end - next;
                // injected and background rows are drawn in random order and join transactions alike
                boolean isInjected = inj > 0 && random.nextLong(bg + inj) < inj;
                boolean sameTx = prevFrom >= 0 && event + 1 < MAX_EVENTS && random.nextDouble() < SAME_TX;
                event = sameTx ? event + 1 : 0;
                if (!sameTx) {
                    tx++;
                }
                if (isInjected) {
                    InjectedTransfer t = injected.get(next++);
                    add(batch, tx - 1, event, block, day, t.from(), t.to(), t.asset(), t.usdMicros());
                    prevFrom = t.from();
                    continue;
                }
                bg--;
                long from = sameTx && random.nextDouble() < 0.6 ? prevFrom : book.sender(random);
                long to = book.receiver(random);
                if (to == from) {
                    to = (to + 1) % book.population();
                }
                int asset = profile.pickAsset(random.nextDouble());
                add(batch, tx - 1, event, block, day, from, to, asset, Amounts.usdMicros(random));
                prevFrom = from;
            }
        }
        return rows;
    }

    private void add(TransferBatch batch, long tx, int event, int block, int day, long from, long to, int asset,
                     long usd) {
        batch.add(tx, event, block, from, to, asset, prices.amountMicros(asset, day, usd),
                random.nextLong(SUB_MICRO), usd, Amounts.feeMicros(random, nativePrice));
        seen.set(Math.toIntExact(from));
        seen.set(Math.toIntExact(to));
    }
}
