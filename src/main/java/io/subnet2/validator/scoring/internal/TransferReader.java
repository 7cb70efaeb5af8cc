package io.subnet2.validator.scoring.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import io.subnet2.validator.scoring.ScoringProperties;

/**
 * Reads from_address, to_address, block_timestamp and amount_usd of {@code transfers.parquet}
 * through parquet-mr's column readers, row groups in parallel (one file reader per thread),
 * dictionary pages decoded once to address ids.
 */
public final class TransferReader {

    /** Column arrays by row, address ids dense in [0, addresses). */
    public record Columns(int rows, int[] from, int[] to, long[] ts, double[] usd, byte[] bands,
                          Interner addresses) {
    }

    private TransferReader() {
    }

    public static Columns read(Path file, ScoringProperties props) {
        return read(file, props, true);
    }

    /** {@code bulk = false}: parquet-mr's per-value column readers only (the reference for {@link BulkPages}). */
    static Columns read(Path file, ScoringProperties props, boolean bulk) {
        ScoringProperties.Limits limits = datasetLimits(props.limits());
        ParquetSource source = ParquetSource.open(file, "transfers.parquet", limits);
        MessageType schema = source.schema();
        ColumnDescriptor fromCol = column(schema, "from_address");
        ColumnDescriptor toCol = column(schema, "to_address");
        ColumnDescriptor tsCol = column(schema, "block_timestamp");
        ColumnDescriptor usdCol = column(schema, "amount_usd");
        PrimitiveType usdType = usdCol.getPrimitiveType();
        if (!Converters.UsdSlot.accepts(usdType)) {
            throw new OutputRejectedException("transfers.parquet: amount_usd has type " + usdType);
        }
        PrimitiveTypeName tsName = tsCol.getPrimitiveType().getPrimitiveTypeName();
        if (tsName != PrimitiveTypeName.INT64 && tsName != PrimitiveTypeName.INT32) {
            throw new OutputRejectedException("transfers.parquet: block_timestamp is not an integer");
        }
        List<ColumnDescriptor> columns = List.of(fromCol, toCol, tsCol, usdCol);
        if (source.rows() > Integer.MAX_VALUE - 16) {
            throw new OutputRejectedException("transfers.parquet has too many rows: " + source.rows());
        }
        source.checkColumns(columns, source.rows());
        int n = (int) source.rows();
        int[] from = new int[n];
        int[] to = new int[n];
        long[] ts = new long[n];
        double[] usd = new double[n];
        byte[] bands = new byte[n];
        int scale = Math.max(Decimals.scale(usdType), 0);
        Decimals.Bands bandBounds = new Decimals.Bands(props.rules().thresholdValues(),
                props.rules().thresholdBandLow(), scale);
        int threads = Math.max(1, Math.min(props.readThreads(), source.rowGroups()));
        ByteTable[] tables = new ByteTable[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    try (ParquetFileReader reader = source.newReader(columns)) {
                        // the platform's own data: a 96-bit fingerprint match is taken as equality
                        ByteTable table = new ByteTable(true);
                        tables[first] = table;
                        AddressSlot fromSlot = AddressSlot.building(from, table, 4096);
                        AddressSlot toSlot = AddressSlot.building(to, table, 4096);
                        Converters.LongSlot tsSlot = new Converters.LongSlot(ts);
                        Converters.UsdSlot usdSlot = new Converters.UsdSlot(usd, bands, bandBounds, scale);
                        for (int g = first; g < source.rowGroups(); g += threads) {
                            try (PageReadStore pages = reader.readRowGroup(g)) {
                                int base = (int) source.rowStart(g);
                                long rows = pages.getRowCount();
                                BulkPages.read(source, pages, fromCol, fromSlot, base, rows, bulk);
                                BulkPages.read(source, pages, toCol, toSlot, base, rows, bulk);
                                BulkPages.read(source, pages, tsCol, tsSlot, base, rows, bulk);
                                BulkPages.read(source, pages, usdCol, usdSlot, base, rows, bulk);
                            }
                        }
                        if (fromSlot.nulls + toSlot.nulls > 0) {
                            throw new OutputRejectedException("transfers.parquet has null addresses");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                Futures.join(future);
            }
        } finally {
            pool.shutdownNow();
        }
        int[][] maps = new int[threads][];
        Interner interner = Interner.merge(tables, maps);
        // row group g was read by thread g % threads, into that thread's table (table 0's ids stay)
        java.util.stream.IntStream.range(1, threads).parallel().forEach(t -> {
            int[] map = maps[t];
            for (int g = t; g < source.rowGroups(); g += threads) {
                for (int r = (int) source.rowStart(g), end = (int) source.rowStart(g + 1); r < end; r++) {
                    from[r] = map[from[r]];
                    to[r] = map[to[r]];
                }
            }
        });
        return new Columns(n, from, to, ts, usd, bands, interner);
    }

    /** The dataset is the platform's own data: allow larger pages and row groups than miner outputs. */
    static ScoringProperties.Limits datasetLimits(ScoringProperties.Limits l) {
        return new ScoringProperties.Limits(Long.MAX_VALUE, 256 << 20, 1_000_000, l.maxPatterns(),
                l.maxListedAddresses(), l.maxPatternAddresses(), 4096, 1 << 30, 64_000_000, Long.MAX_VALUE,
                Long.MAX_VALUE);
    }

    static ColumnDescriptor column(MessageType schema, String name) {
        if (!schema.containsField(name) || !schema.getType(name).isPrimitive()) {
            throw new OutputRejectedException("missing column " + name);
        }
        return schema.getColumnDescription(new String[] {name});
    }
}
