package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.DatasetMeta;
import io.subnet2.validator.dataset.GenerationRequest;
import io.subnet2.validator.dataset.PatternType;

/**
 * Writes a whole dataset into a folder. Every random choice comes from one {@link SplittableRandom}
 * seeded from (secret, seed) ({@link DatasetKeys}) and split in a fixed order, and generation is
 * single-threaded, so a secret and seed always yield the same bytes.
 */
public final class DatasetWriter {

    /** Injected transfers may be at most this share of the dataset. */
    private static final double MAX_INJECTED_SHARE = 0.6;
    /** Parquet encoding threads; the output bytes do not depend on it. */
    private static final int WRITER_THREADS = Integer.getInteger("dataset.writerThreads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    /** Population addresses per transfer (10 M transfers: about 1 M addresses, the scorer's §9 workload). */
    private static final int TRANSFERS_PER_ADDRESS = 10;
    /** Population addresses per injected instance at least, so hosts stay a minority drawn from many candidates. */
    private static final int ADDRESSES_PER_INSTANCE = 40;

    /** What was written. */
    public record Summary(DatasetMeta meta, long addresses, Map<PatternType, Integer> instances,
                          long groundTruthRows) {
    }

    private DatasetWriter() {
    }

    static int population(long transfers, int perType) {
        long instances = (long) perType * PatternType.values().length;
        return Math.toIntExact(Math.max(200, Math.max(transfers / TRANSFERS_PER_ADDRESS, instances * ADDRESSES_PER_INSTANCE)));
    }

    public static Summary write(Path folder, GenerationRequest request) throws IOException {
        return write(folder, request, ParquetFiles.ROW_GROUP_ROWS);
    }

    /** As {@link #write(Path, GenerationRequest)} with transfers row groups of {@code rowGroupRows}. */
    static Summary write(Path folder, GenerationRequest request, int rowGroupRows) throws IOException {
        DatasetKeys keys = DatasetKeys.derive(request.secret(), request.seed());
        SplittableRandom root = new SplittableRandom(keys.randomSeed());
        SplittableRandom injectRandom = root.split();
        SplittableRandom trafficRandom = root.split();
        SplittableRandom labelRandom = root.split();
        SplittableRandom priceRandom = root.split();
        SplittableRandom curveRandom = root.split();

        NetworkProfile profile = NetworkProfile.of(request.network());
        TimeGrid grid = TimeGrid.of(request.processingDate(), request.windowDays(), profile.blockSeconds());
        ActivityCurve curve = new ActivityCurve(grid, curveRandom);
        PriceTable prices = new PriceTable(profile, grid.days(), priceRandom);
        Ids ids = keys.ids();
        int perType = PatternInjector.instancesPerType(request.transfers());
        AddressBook book = new AddressBook(ids, population(request.transfers(), perType));

        PatternInjector.Result injected = new PatternInjector(grid, curve, book, profile, injectRandom)
                .inject(perType, request.transfers());
        long background = request.transfers() - injected.transfers().size();
        if (injected.transfers().size() > MAX_INJECTED_SHARE * request.transfers()) {
            throw new IllegalArgumentException("too few transfers (" + request.transfers() + ") for the "
                    + injected.transfers().size() + " injected ones");
        }

        DatasetLayout layout = new DatasetLayout(folder);
        Files.createDirectories(layout.input());
        long groundTruthRows = GroundTruthFile.write(layout.groundTruth(), injected.instances(), book);
        TransferStream stream = new TransferStream(grid, curve, book, profile, prices, trafficRandom);
        long transfers = stream.write(layout.transfers(), ids, background, injected.transfers(),
                rowGroupRows, WRITER_THREADS);
        long labels = new LabelFile(book, request.network(), grid, labelRandom)
                .write(layout.addressLabels(), injected.flags());
        MarketFiles.writeAssets(layout.assets(), profile, grid);
        MarketFiles.writePrices(layout.assetPrices(), profile, grid, prices);

        DatasetMeta meta = DatasetMeta.describe(layout.input(), request.network(), request.processingDate(),
                request.windowDays(), transfers, labels);
        meta.write(layout.meta());

        Map<PatternType, Integer> counts = new EnumMap<>(PatternType.class);
        for (Instance instance : injected.instances()) {
            counts.merge(instance.type(), 1, Integer::sum);
        }
        return new Summary(meta, stream.addresses(), counts, groundTruthRows);
    }
}
