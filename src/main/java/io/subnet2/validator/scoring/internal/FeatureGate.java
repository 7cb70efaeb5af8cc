package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

import io.subnet2.validator.scoring.ScoringProperties;

/**
 * The data-correctness gate of scoring.md §1: features.parquet must have one row per address of
 * the transfers and the recomputed columns must match. A file that cannot be read, or lacks a
 * column or has a column of an unusable type, is rejected ({@link OutputRejectedException}); a
 * readable file with wrong rows or values fails the gate with the first failed check named.
 */
public final class FeatureGate {

    public record Result(boolean correct, String error) {
    }

    private static final String[] INT_COLUMNS = {"degree_in", "degree_out", "tx_in_count", "tx_out_count",
        "unique_counterparties", "first_activity_timestamp", "last_activity_timestamp"};
    private static final String[] USD_COLUMNS = {"total_in_usd", "total_out_usd"};

    private final TransferIndex index;
    private final ScoringProperties props;
    private final Mismatches problems;

    private FeatureGate(TransferIndex index, ScoringProperties props) {
        this.index = index;
        this.props = props;
        this.problems = new Mismatches(props.gate().reportedMismatches());
    }

    public static Result check(Path features, TransferIndex index, ScoringProperties props) {
        return new FeatureGate(index, props).run(features);
    }

    private Result run(Path file) {
        ParquetSource source = ParquetSource.open(file, "features.parquet", props.limits());
        MessageType schema = source.schema();
        ColumnDescriptor address = column(schema, "address");
        if (address.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
            throw new OutputRejectedException("features.parquet: column address is not a string");
        }
        ColumnDescriptor[] ints = new ColumnDescriptor[INT_COLUMNS.length];
        for (int c = 0; c < ints.length; c++) {
            ints[c] = column(schema, INT_COLUMNS[c]);
            PrimitiveType type = ints[c].getPrimitiveType();
            PrimitiveTypeName name = type.getPrimitiveTypeName();
            if (name != PrimitiveTypeName.INT32 && name != PrimitiveTypeName.INT64 || Decimals.scale(type) >= 0) {
                throw new OutputRejectedException("features.parquet: column " + INT_COLUMNS[c]
                        + " must be an integer, found " + type);
            }
        }
        ColumnDescriptor[] usds = new ColumnDescriptor[USD_COLUMNS.length];
        for (int c = 0; c < usds.length; c++) {
            usds[c] = column(schema, USD_COLUMNS[c]);
            if (!Converters.UsdSlot.accepts(usds[c].getPrimitiveType())) {
                throw new OutputRejectedException("features.parquet: column " + USD_COLUMNS[c]
                        + " must be a double or a decimal, found " + usds[c].getPrimitiveType());
            }
        }
        long rows = source.rows();
        if (rows != index.addresses && rows > 2L * index.addresses + 1000) {
            return new Result(false, "features.parquet has " + rows + " rows, transfers have "
                    + index.addresses + " addresses");
        }
        List<ColumnDescriptor> columns = new ArrayList<>(List.of(address));
        columns.addAll(List.of(ints));
        columns.addAll(List.of(usds));
        source.checkColumns(columns, rows);
        boolean[] seen = new boolean[index.addresses];
        long unknown = 0;
        List<String> unknownExamples = new ArrayList<>();
        try (ParquetFileReader reader = source.newReader(columns)) {
            for (int g = 0; g < source.rowGroups(); g++) {
                try (PageReadStore pages = reader.readRowGroup(g)) {
                    int n = (int) pages.getRowCount();
                    int[] ids = new int[n];
                    AddressSlot slot = AddressSlot.lookingUp(ids, index.names,
                            props.limits().maxStringBytes());
                    BulkPages.read(source, pages, address, slot, 0, n, true);
                    if (slot.nulls > 0) {
                        problems.add("address", null, "null address", slot.nulls);
                    }
                    for (String example : slot.unknownExamples) {
                        if (unknownExamples.size() < props.gate().reportedMismatches()) {
                            unknownExamples.add(example);
                        }
                    }
                    for (int r = 0; r < n; r++) {
                        int id = ids[r];
                        if (id >= 0) {
                            if (seen[id]) {
                                problems.add("duplicate", index.names.string(id), "listed twice", 1);
                                ids[r] = -1;
                            }
                            seen[id] = true;
                        } else {
                            unknown++;
                        }
                    }
                    unknown -= slot.nulls;
                    long[] values = new long[n];
                    for (int c = 0; c < ints.length; c++) {
                        Converters.LongSlot longs = new Converters.LongSlot(values);
                        BulkPages.read(source, pages, ints[c], longs, 0, n, true);
                        compareInts(INT_COLUMNS[c], ids, values);
                    }
                    double[] usd = new double[n];
                    for (int c = 0; c < usds.length; c++) {
                        Converters.UsdSlot usdSlot = new Converters.UsdSlot(usd, null, null,
                                Math.max(0, Decimals.scale(usds[c].getPrimitiveType())));
                        BulkPages.read(source, pages, usds[c], usdSlot, 0, n, true);
                        compareUsd(USD_COLUMNS[c], ids, c == 0 ? index.sumIn : index.sumOut, usd);
                    }
                }
            }
        } catch (IOException e) {
            throw new OutputRejectedException("features.parquet cannot be read: " + e.getMessage(), e);
        } catch (OutputRejectedException e) {
            throw e.getMessage().startsWith("features.parquet") ? e
                    : new OutputRejectedException("features.parquet: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new OutputRejectedException("features.parquet cannot be decoded: " + e.getMessage(), e);
        }
        return verdict(seen, unknown, unknownExamples);
    }

    private Result verdict(boolean[] seen, long unknown, List<String> unknownExamples) {
        // address ids depend on thread timing: report the alphabetically first missing addresses
        java.util.TreeSet<String> missing = new java.util.TreeSet<>();
        long missingCount = 0;
        for (int id = 0; id < seen.length; id++) {
            if (!seen[id]) {
                missingCount++;
                missing.add(index.names.string(id));
                if (missing.size() > props.gate().reportedMismatches()) {
                    missing.pollLast();
                }
            }
        }
        List<String> failed = new ArrayList<>();
        if (missingCount > 0) {
            failed.add(missingCount + " addresses of transfers missing (e.g. " + String.join(", ", missing) + ")");
        }
        if (unknown > 0) {
            failed.add(unknown + " addresses not in transfers (e.g. " + String.join(", ", unknownExamples) + ")");
        }
        failed.addAll(problems.describe());
        if (failed.isEmpty()) {
            return new Result(true, null);
        }
        return new Result(false, "features.parquet: " + String.join("; ", failed));
    }

    private long expectedInt(int column, int id) {
        return switch (column) {
            case 0 -> index.degIn[id];
            case 1 -> index.degOut[id];
            case 2 -> index.txIn[id];
            case 3 -> index.txOut[id];
            case 4 -> index.counterparties[id];
            case 5 -> index.first[id];
            default -> index.last[id];
        };
    }

    private void compareInts(String name, int[] ids, long[] values) {
        int column = List.of(INT_COLUMNS).indexOf(name);
        for (int r = 0; r < ids.length; r++) {
            int id = ids[r];
            if (id >= 0) {
                long expected = expectedInt(column, id);
                if (values[r] != expected) {
                    problems.add(name, index.names.string(id), "expected " + expected + ", got "
                            + (values[r] == Long.MIN_VALUE ? "null" : Long.toString(values[r])), 1);
                }
            }
        }
    }

    private void compareUsd(String name, int[] ids, double[] expected, double[] values) {
        double abs = props.gate().usdAbsTolerance();
        double rel = props.gate().usdRelTolerance();
        for (int r = 0; r < ids.length; r++) {
            int id = ids[r];
            if (id >= 0) {
                double want = expected[id];
                double got = values[r];
                double tolerance = Math.max(abs, rel * Math.abs(want));
                if (!(Math.abs(got - want) <= tolerance)) {
                    problems.add(name, index.names.string(id), "expected " + want + ", got " + got, 1);
                }
            }
        }
    }

    private static ColumnDescriptor column(MessageType schema, String name) {
        if (!schema.containsField(name)) {
            throw new OutputRejectedException("features.parquet: required column " + name + " is missing");
        }
        Type type = schema.getType(name);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            throw new OutputRejectedException("features.parquet: column " + name + " is not a plain value column");
        }
        return schema.getColumnDescription(new String[] {name});
    }
}
