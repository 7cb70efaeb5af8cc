package io.subnet2.baseline.io;

import io.subnet2.baseline.graph.Interner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.PlainReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Column-wise reading of flat top-level columns with parquet-mr's column API: only the projected
 * columns are decoded, row group by row group, straight into primitive arrays (no records).
 */
public final class ColumnFile implements AutoCloseable {

    private final ParquetFileReader reader;
    private final MessageType fileSchema;
    private final MessageType projection;
    private final String createdBy;
    private ColumnReadStoreImpl store;
    private int rows;

    private ColumnFile(ParquetFileReader reader, MessageType projection) {
        this.reader = reader;
        this.fileSchema = reader.getFooter().getFileMetaData().getSchema();
        this.projection = projection;
        this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    }

    /** Opens the file projected on the required columns and those optional ones it has. */
    public static ColumnFile open(Path file, List<String> required, List<String> optional) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing input file " + file.getFileName());
        }
        ParquetFileReader reader;
        try {
            reader = new ParquetFileReader(new LocalInputFile(file), PlainReadOptions.create(PureJavaCodecs.INSTANCE));
        } catch (RuntimeException e) { // parquet-mr reports a bad footer as a RuntimeException
            throw new IOException(file.getFileName() + " is not a readable parquet file: " + e.getMessage(), e);
        }
        try {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (String name : required) {
                if (!schema.containsField(name)) {
                    throw new IOException(file.getFileName() + " has no column " + name);
                }
                fields.add(primitive(file, schema.getType(name)));
            }
            for (String name : optional) {
                if (schema.containsField(name)) {
                    fields.add(primitive(file, schema.getType(name)));
                }
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            return new ColumnFile(reader, projection);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static Type primitive(Path file, Type type) throws IOException {
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            throw new IOException(file.getFileName() + ": column " + type.getName() + " is not a flat value");
        }
        return type;
    }

    /** The whole file's schema (not only the projection). */
    public MessageType fileSchema() {
        return fileSchema;
    }

    public boolean has(String column) {
        return projection.containsField(column);
    }

    public long totalRows() {
        return reader.getRecordCount();
    }

    /** Advances to the next row group; returns its row count, or -1 at the end. */
    public int nextRowGroup() throws IOException {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
            return -1;
        }
        if (pages.getRowCount() > Integer.MAX_VALUE) {
            throw new IOException("row group too large: " + pages.getRowCount());
        }
        rows = (int) pages.getRowCount();
        store = new ColumnReadStoreImpl(pages, new DummyRecordConverter(projection).getRootConverter(), projection, createdBy);
        return rows;
    }

    /** Strings of the current row group as ids of {@code interner}; null values become -1. */
    public void strings(String column, Interner interner, int[] out, int offset) {
        ColumnReader cr = column(column);
        int maxDef = cr.getDescriptor().getMaxDefinitionLevel();
        for (int i = 0; i < rows; i++) {
            out[offset + i] = cr.getCurrentDefinitionLevel() == maxDef ? interner.id(cr.getBinary()) : -1;
            cr.consume();
        }
    }

    /** Strings of the current row group (null stays null). */
    public void strings(String column, String[] out, int offset) {
        ColumnReader cr = column(column);
        int maxDef = cr.getDescriptor().getMaxDefinitionLevel();
        for (int i = 0; i < rows; i++) {
            out[offset + i] = cr.getCurrentDefinitionLevel() == maxDef ? string(cr) : null;
            cr.consume();
        }
    }

    /** INT32/INT64 values (timestamps in micros or nanos are scaled to millis); null becomes 0. */
    public void longs(String column, long[] out, int offset) {
        ColumnReader cr = column(column);
        PrimitiveType type = cr.getDescriptor().getPrimitiveType();
        int maxDef = cr.getDescriptor().getMaxDefinitionLevel();
        long divisor = 1;
        if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
            divisor = switch (t.getUnit()) {
                case MILLIS -> 1;
                case MICROS -> 1_000;
                case NANOS -> 1_000_000;
            };
        }
        boolean int32 = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32;
        for (int i = 0; i < rows; i++) {
            long v = 0;
            if (cr.getCurrentDefinitionLevel() == maxDef) {
                v = (int32 ? cr.getInteger() : cr.getLong()) / divisor;
            }
            out[offset + i] = v;
            cr.consume();
        }
    }

    /** Decimal (any physical type) or floating-point values as doubles; null becomes 0. */
    public void decimals(String column, double[] out, int offset) {
        ColumnReader cr = column(column);
        PrimitiveType type = cr.getDescriptor().getPrimitiveType();
        int maxDef = cr.getDescriptor().getMaxDefinitionLevel();
        int scale = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                ? d.getScale() : 0;
        double pow = Values.pow10(scale);
        PrimitiveType.PrimitiveTypeName physical = type.getPrimitiveTypeName();
        for (int i = 0; i < rows; i++) {
            double v = 0;
            if (cr.getCurrentDefinitionLevel() == maxDef) {
                v = switch (physical) {
                    case INT32 -> cr.getInteger() / pow;
                    case INT64 -> cr.getLong() / pow;
                    case FLOAT -> cr.getFloat();
                    case DOUBLE -> cr.getDouble();
                    case BINARY, FIXED_LEN_BYTE_ARRAY -> Values.unscaled(cr.getBinary().getBytesUnsafe()) / pow;
                    default -> throw new IllegalArgumentException("column " + column + " is not numeric: " + physical);
                };
            }
            out[offset + i] = v;
            cr.consume();
        }
    }

    private static String string(ColumnReader cr) {
        Binary b = cr.getBinary();
        return b.toStringUsingUTF8();
    }

    private ColumnReader column(String column) {
        ColumnDescriptor desc = projection.getColumnDescription(new String[] {column});
        return store.getColumnReader(desc);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
