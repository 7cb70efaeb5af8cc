package io.subnet2.validator.dataset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared state and helpers of the injector: the random stream, the block grid and the emitted transfers. */
final class InjectionContext {

    final TimeGrid grid;
    final AddressBook book;
    final NetworkProfile profile;
    final SplittableRandom random;
    final List<InjectedTransfer> transfers = new ArrayList<>();
    private final int hubs;

    InjectionContext(TimeGrid grid, AddressBook book, NetworkProfile profile, SplittableRandom random) {
        this.grid = grid;
        this.book = book;
        this.profile = profile;
        this.random = random;
        this.hubs = Math.max(10, book.background() / 1000);
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    int asset() {
        return profile.pickAsset(random.nextDouble());
    }

    /** A random first block such that {@code span} more blocks still fit in the window. */
    int start(int span) {
        return random.nextInt(Math.max(1, grid.blockCount() - span));
    }

    /** A gap of at least one block, between the two durations. */
    int gap(long minSeconds, long maxSeconds) {
        return grid.blocks(minSeconds + random.nextLong(maxSeconds - minSeconds + 1));
    }

    /** Blocks of {@code seconds}, at most the window less one block. */
    int span(long seconds) {
        return Math.min(grid.blockCount() - 1, grid.blocks(seconds));
    }

    int clamp(int block) {
        return Math.max(0, Math.min(grid.blockCount() - 1, block));
    }

    void emit(int block, long from, long to, int asset, long usdMicros) {
        transfers.add(new InjectedTransfer(clamp(block), from, to, asset, usdMicros));
    }

    /** A busy background address counterpart (exchange-like hub). */
    long hub() {
        return book.hub(random, hubs);
    }

    /** A hub funds {@code address} shortly before {@code block}. */
    void fund(long address, int block, long usdMicros) {
        emit(block - random.nextInt(grid.blocks(6 * 3600)), hub(), address, asset(), usdMicros);
    }

    /** {@code address} sends to a hub shortly after {@code block}. */
    void cashOut(long address, int block, long usdMicros) {
        emit(block + random.nextInt(grid.blocks(6 * 3600)), address, hub(), asset(), usdMicros);
    }

    /**
     * A few ordinary transfers between {@code address} and background addresses anywhere in the
     * window, so injected addresses are not recognisable by having no other activity.
     */
    void camouflage(long address, double mean) {
        int count = 0;
        while (count < 8 && random.nextDouble() < mean / (mean + 1)) {
            count++;
        }
        for (int i = 0; i < count; i++) {
            long other = book.sample(random);
            int block = random.nextInt(grid.blockCount());
            if (random.nextBoolean()) {
                emit(block, address, other, asset(), Amounts.usdMicros(random));
            } else {
                emit(block, other, address, asset(), Amounts.usdMicros(random));
            }
        }
    }
}
