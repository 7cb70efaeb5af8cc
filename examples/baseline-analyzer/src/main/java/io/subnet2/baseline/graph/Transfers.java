package io.subnet2.baseline.graph;

/**
 * The window's transfers as primitive columns; addresses are dense ids into {@code names}.
 * {@code asset} is null when assets were not read.
 */
public record Transfers(String[] names, int[] from, int[] to, long[] ts, double[] usd, int[] asset, int assetCount) {

    public int addressCount() {
        return names.length;
    }

    public int size() {
        return from.length;
    }
}
