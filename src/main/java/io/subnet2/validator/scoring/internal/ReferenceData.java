package io.subnet2.validator.scoring.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;

import io.subnet2.validator.scoring.ScoringProperties;

/** Flagged addresses (address_labels) and ground-truth instances, read against the transfer index. */
public final class ReferenceData {

    /**
     * One ground-truth instance: its id, its pattern_type (the first non-null of its rows; may be a
     * template name of an upstream snapshot, {@value #UNKNOWN_TYPE} when none) and its addresses that
     * occur in transfers (sorted ids).
     */
    public record Instance(String id, String type, int[] reachable) {
    }

    public static final String UNKNOWN_TYPE = "unknown";

    private ReferenceData() {
    }

    /** Addresses with address_type = flagged or risk_level = critical (scoring.md, proximity_risk). */
    public static BitSet flagged(Path labels, TransferIndex index, ScoringProperties.Rules rules) {
        BitSet flagged = new BitSet(index.addresses);
        if (labels == null || !Files.exists(labels)) {
            return flagged;
        }
        String[][] cols = readStrings(labels, "address_labels.parquet", "address", "address_type", "risk_level");
        ByteTable.View view = new ByteTable.View();
        for (int r = 0; r < cols[0].length; r++) {
            boolean flag = rules.flaggedAddressType().equals(cols[1][r])
                    || rules.flaggedRiskLevel().equals(cols[2][r]);
            if (flag && cols[0][r] != null) {
                int id = index.names.find(view.of(cols[0][r].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (id >= 0) {
                    flagged.set(id);
                }
            }
        }
        return flagged;
    }

    /** Instances grouped by pattern_instance_id, sorted by id; unreachable addresses dropped. */
    public static List<Instance> instances(Path groundTruth, TransferIndex index) {
        int[][] addressIds = new int[1][];
        String[][] cols = read(groundTruth, "ground_truth.parquet", index, addressIds, "address",
                "pattern_instance_id", "pattern_type");
        int[] ids = addressIds[0];
        String[] instanceOf = cols[1];
        Map<String, String> typeOf = new HashMap<>();
        // a few address ids per instance: a list each (a bit set per instance grows with the address count)
        Map<String, IntStream.Builder> byInstance = new HashMap<>();
        for (int r = 0; r < ids.length; r++) {
            if (instanceOf[r] == null || ids[r] == AddressSlot.NULL_ID) {
                continue;
            }
            IntStream.Builder members = byInstance.computeIfAbsent(instanceOf[r], k -> IntStream.builder());
            if (cols[2][r] != null) {
                typeOf.putIfAbsent(instanceOf[r], cols[2][r]);
            }
            if (ids[r] >= 0) {
                members.add(ids[r]);
            }
        }
        List<Instance> instances = new ArrayList<>(byInstance.size());
        byInstance.forEach((id, members) ->
                instances.add(new Instance(id, typeOf.getOrDefault(id, UNKNOWN_TYPE),
                        members.build().sorted().distinct().toArray())));
        instances.sort(Comparator.comparing(Instance::id));
        return instances;
    }

    static String[][] readStrings(Path file, String label, String... names) {
        return read(file, label, null, null, names);
    }

    /**
     * Reads top-level columns of a small platform file as Strings, or, with an index, the first
     * column as address ids into {@code addressIds[0]} (see {@link AddressSlot}); absent optional
     * columns are all null.
     */
    private static String[][] read(Path file, String label, TransferIndex index, int[][] addressIds,
                                   String... names) {
        ScoringProperties.Limits limits = TransferReader.datasetLimits(ScoringProperties.Limits.defaults());
        ParquetSource source = ParquetSource.open(file, label, limits);
        MessageType schema = source.schema();
        if (source.rows() > 50_000_000L) {
            throw new OutputRejectedException(label + " has too many rows: " + source.rows());
        }
        int n = (int) source.rows();
        String[][] out = new String[names.length][n];
        if (index != null) {
            addressIds[0] = new int[n];
        }
        List<ColumnDescriptor> columns = new ArrayList<>();
        ColumnDescriptor[] byName = new ColumnDescriptor[names.length];
        for (int c = 0; c < names.length; c++) {
            if (schema.containsField(names[c]) && schema.getType(names[c]).isPrimitive()) {
                byName[c] = schema.getColumnDescription(new String[] {names[c]});
                columns.add(byName[c]);
            } else if (c == 0) {
                throw new OutputRejectedException(label + " has no column " + names[c]);
            }
        }
        source.checkColumns(columns, source.rows());
        try (ParquetFileReader reader = source.newReader(columns)) {
            for (int g = 0; g < source.rowGroups(); g++) {
                try (PageReadStore pages = reader.readRowGroup(g)) {
                    int base = (int) source.rowStart(g);
                    for (int c = 0; c < names.length; c++) {
                        if (c == 0 && index != null) {
                            AddressSlot ids = AddressSlot.lookingUp(addressIds[0], index.names, 1 << 16);
                            BulkPages.read(source, pages, byName[c], ids, base, pages.getRowCount(), true);
                        } else if (byName[c] != null) {
                            Converters.StringSlot slot = new Converters.StringSlot(out[c], 1 << 16);
                            Converters.readFlat(source.columnReader(pages, byName[c], slot), byName[c], slot,
                                    base, pages.getRowCount());
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new OutputRejectedException(label + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }
}
