package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

import io.subnet2.validator.dataset.PatternType;
import io.subnet2.validator.scoring.ScoringProperties;

/**
 * Reads patterns.parquet, or when it is absent the upstream per-family files of
 * analyzer-contract.md (addresses from evidence.cycle_addresses / evidence.path_addresses when
 * non-empty, else addresses_involved; the type from pattern_type, else from the file's family;
 * the confidence from confidence, in the upstream files from confidence_score when present).
 */
public final class PatternReader {

    public static final String PATTERNS = "patterns.parquet";
    private static final String CONFIDENCE = "confidence";
    private static final String CONFIDENCE_SCORE = "confidence_score";

    /** Compatibility files in the order they are read, with the type of a row without pattern_type. */
    public static final Map<String, PatternType> COMPAT_FILES = compatFiles();

    private final TransferIndex index;
    private final ScoringProperties.Limits limits;
    private final ReportedPatterns patterns;
    private final ByteTable patternIds = new ByteTable();
    private final ByteTable unknownAddresses = new ByteTable();

    private PatternReader(TransferIndex index, ScoringProperties.Limits limits) {
        this.index = index;
        this.limits = limits;
        this.patterns = new ReportedPatterns(limits.maxPatterns(), limits.maxListedAddresses(),
                limits.maxPatternAddresses());
    }

    private static Map<String, PatternType> compatFiles() {
        Map<String, PatternType> files = new LinkedHashMap<>();
        files.put("patterns_cycle.parquet", PatternType.CYCLE);
        files.put("patterns_layering.parquet", PatternType.LAYERING_PATH);
        files.put("patterns_network.parquet", PatternType.SMURFING_NETWORK);
        files.put("patterns_proximity.parquet", PatternType.PROXIMITY_RISK);
        files.put("patterns_motif.parquet", null);
        files.put("patterns_burst.parquet", PatternType.TEMPORAL_BURST);
        files.put("patterns_threshold.parquet", PatternType.THRESHOLD_EVASION);
        return files;
    }

    public static ReportedPatterns read(Path outputDir, TransferIndex index, ScoringProperties.Limits limits) {
        PatternReader reader = new PatternReader(index, limits);
        Path main = outputDir.resolve(PATTERNS);
        if (Files.exists(main, LinkOption.NOFOLLOW_LINKS)) {
            reader.readFile(main, PATTERNS, null, false);
            return reader.patterns;
        }
        boolean any = false;
        for (Map.Entry<String, PatternType> family : COMPAT_FILES.entrySet()) {
            Path file = outputDir.resolve(family.getKey());
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                any = true;
                reader.readFile(file, family.getKey(), family.getValue(), true);
            }
        }
        if (!any) {
            throw new OutputRejectedException(PATTERNS + " is missing (and no upstream patterns_*.parquet files)");
        }
        return reader.patterns;
    }

    private void readFile(Path file, String label, PatternType familyType, boolean compat) {
        ParquetSource source = ParquetSource.open(file, label, limits);
        MessageType schema = source.schema();
        ColumnDescriptor idCol = flat(schema, "pattern_id", label, !compat);
        ColumnDescriptor typeCol = flat(schema, "pattern_type", label, !compat || familyType == null);
        ColumnDescriptor listCol = list(schema, label, compat ? "addresses_involved" : "addresses", true);
        ColumnDescriptor cycleCol = compat ? list(schema, label, "evidence.cycle_addresses", false) : null;
        ColumnDescriptor pathCol = compat ? list(schema, label, "evidence.path_addresses", false) : null;
        ColumnDescriptor confidenceCol = confidence(schema, label, compat && schema.containsField(CONFIDENCE_SCORE)
                ? CONFIDENCE_SCORE : CONFIDENCE);
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (ColumnDescriptor c : new ColumnDescriptor[] {idCol, typeCol, listCol, cycleCol, pathCol, confidenceCol}) {
            if (c != null) {
                columns.add(c);
            }
        }
        if (patterns.count() + source.rows() > limits.maxPatterns()) {
            throw new OutputRejectedException(label + " has " + source.rows() + " rows, above the limit of "
                    + limits.maxPatterns() + " patterns");
        }
        source.checkColumns(columns, limits.maxListedAddresses());
        try (ParquetFileReader reader = source.newReader(columns)) {
            for (int g = 0; g < source.rowGroups(); g++) {
                try (PageReadStore pages = reader.readRowGroup(g)) {
                    readGroup(source, pages, (int) pages.getRowCount(), familyType,
                            new ColumnDescriptor[] {idCol, typeCol, listCol, cycleCol, pathCol, confidenceCol});
                }
            }
        } catch (IOException e) {
            throw new OutputRejectedException(label + " cannot be read: " + e.getMessage(), e);
        } catch (OutputRejectedException e) {
            throw e.getMessage().startsWith(label) ? e : new OutputRejectedException(label + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new OutputRejectedException(label + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** Reads one row group; {@code cols} are id, type, addresses, cycle path, path, confidence (any may be null but addresses). */
    private void readGroup(ParquetSource source, PageReadStore pages, int rows, PatternType familyType,
                           ColumnDescriptor[] cols) {
        ColumnDescriptor idCol = cols[0];
        ColumnDescriptor typeCol = cols[1];
        int maxBytes = limits.maxStringBytes();
        PatternSlots.IdSlot ids = new PatternSlots.IdSlot(rows, patternIds, maxBytes);
        if (idCol != null) {
            Converters.readFlat(source.columnReader(pages, idCol, ids), idCol, ids, 0, rows);
        } else {
            java.util.Arrays.fill(ids.target, -1);
        }
        PatternSlots.TypeSlot types = new PatternSlots.TypeSlot(rows, maxBytes);
        if (typeCol != null) {
            Converters.readFlat(source.columnReader(pages, typeCol, types), typeCol, types, 0, rows);
        } else {
            java.util.Arrays.fill(types.target, (byte) familyType.ordinal());
        }
        PatternSlots.ListSlot main = readList(source, pages, cols[2], rows);
        PatternSlots.ListSlot cycle = readList(source, pages, cols[3], rows);
        PatternSlots.ListSlot path = readList(source, pages, cols[4], rows);
        double[] confidence = new double[rows];
        if (cols[5] != null) {
            PatternSlots.ConfidenceSlot slot = new PatternSlots.ConfidenceSlot(rows, cols[5].getPrimitiveType(),
                    maxBytes);
            Converters.readFlat(source.columnReader(pages, cols[5], slot), cols[5], slot, 0, rows);
            confidence = slot.target;
        }
        for (int r = 0; r < rows; r++) {
            PatternSlots.ListSlot chosen = cycle != null && cycle.length(r) > 0 ? cycle
                    : path != null && path.length(r) > 0 ? path : main;
            int type = types.target[r];
            if (type < 0 && familyType != null) {
                type = familyType.ordinal();
            }
            patterns.add(type, ids.target[r], confidence[r], chosen.values, chosen.rowStart[r], chosen.rowStart[r + 1]);
        }
    }

    private PatternSlots.ListSlot readList(ParquetSource source, PageReadStore pages, ColumnDescriptor column,
                                           int rows) {
        if (column == null) {
            return null;
        }
        PatternSlots.ListSlot slot = new PatternSlots.ListSlot(rows, index.names, unknownAddresses,
                limits.maxStringBytes(), limits.maxListedAddresses());
        slot.readAll(source.columnReader(pages, column, slot), column, rows);
        return slot;
    }

    /** The optional numeric confidence column (analyzer-contract.md), or null when the file has none. */
    private static ColumnDescriptor confidence(MessageType schema, String label, String name) {
        if (!schema.containsField(name)) {
            return null;
        }
        Type type = schema.getType(name);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)
                || !PatternSlots.ConfidenceSlot.accepts(type.asPrimitiveType())) {
            throw new OutputRejectedException(label + ": column " + name + " must be a number");
        }
        return schema.getColumnDescription(new String[] {name});
    }

    private static ColumnDescriptor flat(MessageType schema, String name, String label, boolean required) {
        if (!schema.containsField(name)) {
            if (required) {
                throw new OutputRejectedException(label + ": required column " + name + " is missing");
            }
            return null;
        }
        Type type = schema.getType(name);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)
                || type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BOOLEAN) {
            throw new OutputRejectedException(label + ": column " + name + " must be a string");
        }
        return schema.getColumnDescription(new String[] {name});
    }

    /** The one string leaf under a (dotted) top-level field, repeated once: list<string>. */
    private static ColumnDescriptor list(MessageType schema, String label, String dotted, boolean required) {
        String[] prefix = dotted.split("\\.");
        ColumnDescriptor found = null;
        for (ColumnDescriptor c : schema.getColumns()) {
            String[] path = c.getPath();
            if (path.length > prefix.length && java.util.Arrays.equals(path, 0, prefix.length, prefix, 0, prefix.length)
                    || path.length == prefix.length && java.util.Arrays.equals(path, prefix)) {
                if (found != null || c.getMaxRepetitionLevel() != 1
                        || c.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
                    throw new OutputRejectedException(label + ": column " + dotted + " must be a list of strings");
                }
                found = c;
            }
        }
        if (found == null && required) {
            throw new OutputRejectedException(label + ": required column " + dotted + " is missing");
        }
        return found;
    }
}
