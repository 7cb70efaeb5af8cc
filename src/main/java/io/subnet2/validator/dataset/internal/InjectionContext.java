package io.subnet2.validator.dataset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shared state and helpers of the injector: the random stream, the block grid and its activity
 * curve, the placeholder slots handed to instance members (hosted on population addresses
 * afterwards, {@link HostAssigner}) and the emitted transfers.
 */
final class InjectionContext {

    final TimeGrid grid;
    final AddressBook book;
    final NetworkProfile profile;
    final SplittableRandom random;
    final List<InjectedTransfer> transfers = new ArrayList<>();
    private final ActivityCurve curve;
    private final int hubs;
    private int slots;

    InjectionContext(TimeGrid grid, ActivityCurve curve, AddressBook book, NetworkProfile profile,
                     SplittableRandom random) {
        this.grid = grid;
        this.curve = curve;
        this.book = book;
        this.profile = profile;
        this.random = random;
        this.hubs = hubs(book.population());
    }

    /** The busiest ranks, which fund and cash out instances and never host one. */
    static int hubs(int population) {
        return Math.max(10, population / 1000);
    }

    int hubs() {
        return hubs;
    }

    int slots() {
        return slots;
    }

    /** A placeholder address for an instance member (or a peel-chain side address). */
    long slot() {
        return book.population() + (long) slots++;
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    int asset() {
        return profile.pickAsset(random.nextDouble());
    }

    /** A first block such that {@code span} more blocks still fit, drawn by the activity curve like background transfers. */
    int start(int span) {
        return curve.draw(random, grid.blockCount() - span);
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
}
