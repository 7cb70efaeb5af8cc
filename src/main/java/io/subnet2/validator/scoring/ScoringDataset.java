package io.subnet2.validator.scoring;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import io.subnet2.validator.dataset.DatasetLayout;
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

    private ScoringDataset(TransferIndex index, BitSet flagged, List<ReferenceData.Instance> instances,
                           ScoringProperties properties) {
        this.index = index;
        this.flagged = flagged;
        this.instances = instances;
        this.properties = properties;
    }

    /**
     * Indexes the dataset from its parquet files.
     *
     * @throws DatasetUnreadableException when a dataset file is missing or unreadable (platform fault)
     */
    public static ScoringDataset load(Path input, Path groundTruth, ScoringProperties properties) {
        return load(input, groundTruth, properties, null);
    }

    /**
     * Like {@link #load(Path, Path, ScoringProperties)}, but reuses the index stored in the dataset
     * folder ({@code index/}, beside {@code input/}, never mounted into analyzers) for this
     * transfers file and these band thresholds, and stores it there after building it. The index
     * is built once per dataset; every run scored after that starts from it.
     */
    public static ScoringDataset loadStored(DatasetLayout layout, ScoringProperties properties) {
        return load(layout.input(), layout.groundTruth(), properties, layout.root().resolve(INDEX_DIR));
    }

    /** Whether {@link #loadStored} would find a stored index (without reading it). */
    public static boolean hasStoredIndex(DatasetLayout layout, ScoringProperties properties) {
        try {
            return StoredIndexes.exists(layout.root().resolve(INDEX_DIR),
                    layout.input().resolve(DatasetLayout.TRANSFERS), properties);
        } catch (OutputRejectedException e) {
            return false;
        }
    }

    /** Folder of a dataset where its stored transfer indexes live. */
    public static final String INDEX_DIR = "index";

    private static ScoringDataset load(Path input, Path groundTruth, ScoringProperties properties, Path indexDir) {
        try {
            Path transfers = input.resolve(DatasetLayout.TRANSFERS);
            TransferIndex index = indexDir == null ? build(transfers, properties)
                    : StoredIndexes.loadOrBuild(indexDir, transfers, properties, () -> build(transfers, properties));
            BitSet flagged = ReferenceData.flagged(input.resolve(DatasetLayout.ADDRESS_LABELS), index,
                    properties.rules());
            List<ReferenceData.Instance> instances = ReferenceData.instances(groundTruth, index);
            return new ScoringDataset(index, flagged, instances, properties);
        } catch (OutputRejectedException | org.apache.parquet.io.ParquetDecodingException e) {
            throw new DatasetUnreadableException("dataset unreadable: " + e.getMessage(), e);
        }
    }

    private static TransferIndex build(Path transfers, ScoringProperties properties) {
        TransferReader.Columns columns = TransferReader.read(transfers, properties);
        return new TransferIndex(columns, Math.min(properties.rules().thresholdValues().size(), 8),
                properties.readThreads());
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
