package io.subnet2.validator.scoring;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.internal.IndexedDataset;
import io.subnet2.validator.scoring.internal.OutputRejectedException;
import io.subnet2.validator.scoring.internal.ReferenceData;
import io.subnet2.validator.scoring.internal.TransferIndex;
import io.subnet2.validator.scoring.internal.TransferReader;

/**
 * A dataset indexed for scoring: transfers (addresses, edges, per-address features), flagged
 * addresses and ground-truth instances. Load it once and score every run of the same dataset
 * against it; scoring runs against one dataset are serialised (the index sorts lazily).
 */
public final class ScoringDataset {

    final TransferIndex index;
    final BitSet flagged;
    final List<ReferenceData.Instance> instances;
    final ScoringProperties properties;

    private ScoringDataset(IndexedDataset data, ScoringProperties properties) {
        this.index = data.index();
        this.flagged = data.flagged();
        this.instances = data.instances();
        this.properties = properties;
    }

    /**
     * Indexes the dataset from its parquet files.
     *
     * @throws DatasetUnreadableException when a dataset file is missing or unreadable (platform fault)
     */
    public static ScoringDataset load(Path input, Path groundTruth, ScoringProperties properties) {
        try {
            return new ScoringDataset(build(input, groundTruth, properties), properties);
        } catch (OutputRejectedException | org.apache.parquet.io.ParquetDecodingException e) {
            throw unreadable(e);
        }
    }

    /**
     * Like {@link #load(Path, Path, ScoringProperties)}, but reuses the indexed dataset stored in the
     * dataset folder ({@value #INDEX_DIR}/, beside {@code input/}, never mounted into analyzers) for
     * these files and these scoring rules, and stores it there after building it. The index is built
     * once per dataset; every run scored after that starts from it.
     */
    public static ScoringDataset loadStored(DatasetLayout layout, ScoringProperties properties) {
        return loadStored(layout.input(), layout.groundTruth(), layout.root().resolve(INDEX_DIR), properties);
    }

    /** {@link #loadStored(DatasetLayout, ScoringProperties)} with the stored index in {@code indexDir}. */
    public static ScoringDataset loadStored(Path input, Path groundTruth, Path indexDir, ScoringProperties properties) {
        try {
            return new ScoringDataset(StoredIndexes.loadOrBuild(indexDir, input, groundTruth, properties,
                    () -> build(input, groundTruth, properties)), properties);
        } catch (OutputRejectedException | org.apache.parquet.io.ParquetDecodingException e) {
            throw unreadable(e);
        }
    }

    /** Whether {@link #loadStored} would find a stored index (without reading it). */
    public static boolean hasStoredIndex(DatasetLayout layout, ScoringProperties properties) {
        try {
            return StoredIndexes.exists(layout.root().resolve(INDEX_DIR), layout.input(), layout.groundTruth(),
                    properties);
        } catch (OutputRejectedException e) {
            return false;
        }
    }

    /** Folder of a dataset where its stored transfer indexes live. */
    public static final String INDEX_DIR = "index";

    private static IndexedDataset build(Path input, Path groundTruth, ScoringProperties properties) {
        TransferReader.Columns columns = TransferReader.read(input.resolve(DatasetLayout.TRANSFERS), properties);
        TransferIndex index = new TransferIndex(columns, Math.min(properties.rules().thresholdValues().size(), 8),
                properties.readThreads());
        BitSet flagged = ReferenceData.flagged(input.resolve(DatasetLayout.ADDRESS_LABELS), index, properties.rules());
        return new IndexedDataset(index, flagged, ReferenceData.instances(groundTruth, index));
    }

    private static DatasetUnreadableException unreadable(RuntimeException e) {
        return new DatasetUnreadableException("dataset unreadable: " + e.getMessage(), e);
    }

    public int transfers() {
        return index.rows;
    }

    public int addresses() {
        return index.addresses;
    }

    public int instances() {
        return instances.size();
    }

    public ScoringProperties properties() {
        return properties;
    }
}
