package io.subnet2.baseline.io;

import io.subnet2.baseline.graph.Interner;
import io.subnet2.baseline.graph.Transfers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads the columns of transfers.parquet the analyzer needs into primitive arrays. */
public final class TransferReader {

    public static final String FILE = "transfers.parquet";
    /** Hard bound on rows kept in memory (the contract's datasets are far smaller). */
    static final long MAX_ROWS = 200_000_000L;

    private TransferReader() {
    }

    public static Transfers read(Path inputDir, boolean withAssets) throws IOException {
        List<String> columns = List.of("from_address", "to_address", "block_timestamp", "amount_usd");
        List<String> optional = withAssets ? List.of("asset_symbol", "asset_contract") : List.of();
        try (ColumnFile in = ColumnFile.open(inputDir.resolve(FILE), columns, optional)) {
            long total = in.totalRows();
            if (total > MAX_ROWS) {
                throw new IOException(FILE + " has " + total + " rows, more than " + MAX_ROWS);
            }
            int m = (int) total;
            Interner addresses = new Interner();
            int[] from = new int[m];
            int[] to = new int[m];
            long[] ts = new long[m];
            double[] usd = new double[m];
            Interner symbols = new Interner();
            Interner contracts = new Interner();
            int[] symbol = withAssets ? new int[m] : null;
            int[] contract = withAssets ? new int[m] : null;
            int offset = 0;
            for (int rows = in.nextRowGroup(); rows >= 0; rows = in.nextRowGroup()) {
                if (offset + (long) rows > m) {
                    throw new IOException(FILE + " holds more rows than its footer declares");
                }
                in.strings("from_address", addresses, from, offset);
                in.strings("to_address", addresses, to, offset);
                in.longs("block_timestamp", ts, offset);
                in.decimals("amount_usd", usd, offset);
                if (withAssets && in.has("asset_symbol")) {
                    in.strings("asset_symbol", symbols, symbol, offset);
                }
                if (withAssets && in.has("asset_contract")) {
                    in.strings("asset_contract", contracts, contract, offset);
                }
                offset += rows;
            }
            int[] asset = null;
            int assetCount = 0;
            if (withAssets) { // an asset is a (symbol, contract) pair; a missing column is one value
                asset = new int[m];
                java.util.Map<Long, Integer> pairs = new java.util.HashMap<>();
                for (int i = 0; i < m; i++) {
                    long key = ((long) symbol[i] << 32) | (contract[i] & 0xFFFFFFFFL);
                    asset[i] = pairs.computeIfAbsent(key, k -> pairs.size());
                }
                assetCount = pairs.size();
            }
            return dropNullEnds(new Transfers(addresses.names(), from, to, ts, usd, asset, assetCount), offset);
        }
    }

    /** Drops rows without a sender or receiver (they cannot be attributed) and any unread tail. */
    private static Transfers dropNullEnds(Transfers t, int rows) {
        int[] from = t.from();
        int[] to = t.to();
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (from[i] >= 0 && to[i] >= 0) {
                from[k] = from[i];
                to[k] = to[i];
                t.ts()[k] = t.ts()[i];
                t.usd()[k] = t.usd()[i];
                if (t.asset() != null) {
                    t.asset()[k] = t.asset()[i];
                }
                k++;
            }
        }
        if (k == from.length) {
            return t;
        }
        if (k < rows) {
            System.err.println("warning: skipped " + (rows - k) + " transfers with a null address");
        }
        return new Transfers(t.names(), java.util.Arrays.copyOf(from, k), java.util.Arrays.copyOf(to, k),
                java.util.Arrays.copyOf(t.ts(), k), java.util.Arrays.copyOf(t.usd(), k),
                t.asset() == null ? null : java.util.Arrays.copyOf(t.asset(), k), t.assetCount());
    }
}
