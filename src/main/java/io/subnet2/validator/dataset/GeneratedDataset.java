package io.subnet2.validator.dataset;

import java.util.Map;

/**
 * A generated (or imported) dataset: where it is, what META.json says, and what was injected.
 *
 * @param addresses       distinct addresses in the transfers
 * @param instances       injected instances per pattern type
 * @param groundTruthRows rows of ground_truth.parquet
 * @param seconds         wall time of the generation (0 for an existing dataset)
 */
public record GeneratedDataset(DatasetLayout layout, DatasetMeta meta, long addresses,
                               Map<PatternType, Integer> instances, long groundTruthRows, double seconds) {

    public GeneratedDataset {
        instances = Map.copyOf(instances);
    }

    public long transfers() {
        return meta.transfers();
    }

    public long addressLabels() {
        return meta.addressLabels();
    }

    public int instanceCount() {
        return instances.values().stream().mapToInt(Integer::intValue).sum();
    }
}
