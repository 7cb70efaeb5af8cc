package io.subnet2.validator.dataset;

import java.nio.file.Path;

/**
 * File names of a dataset (analyzer-contract.md "Input"). A dataset folder holds {@code input/}
 * (mounted read-only into analyzers) and {@code ground_truth.parquet} beside it (never mounted).
 */
public record DatasetLayout(Path root) {

    public static final String INPUT_DIR = "input";
    public static final String TRANSFERS = "transfers.parquet";
    public static final String ADDRESS_LABELS = "address_labels.parquet";
    public static final String ASSETS = "assets.parquet";
    public static final String ASSET_PRICES = "asset_prices.parquet";
    public static final String META = "META.json";
    public static final String GROUND_TRUTH = "ground_truth.parquet";

    public Path input() {
        return root.resolve(INPUT_DIR);
    }

    public Path transfers() {
        return input().resolve(TRANSFERS);
    }

    public Path addressLabels() {
        return input().resolve(ADDRESS_LABELS);
    }

    public Path assets() {
        return input().resolve(ASSETS);
    }

    public Path assetPrices() {
        return input().resolve(ASSET_PRICES);
    }

    public Path meta() {
        return input().resolve(META);
    }

    public Path groundTruth() {
        return root.resolve(GROUND_TRUTH);
    }
}
