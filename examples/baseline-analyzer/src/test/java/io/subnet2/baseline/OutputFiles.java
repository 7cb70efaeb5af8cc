package io.subnet2.baseline;

import io.subnet2.baseline.io.PureJavaCodecs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.PlainReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Reads the analyzer's output files back for assertions (parquet-mr column API, no Hadoop). */
public final class OutputFiles {

    /** features.parquet: addresses and every numeric column as doubles (booleans as 0/1). */
    public record Features(MessageType schema, List<String> addresses, Map<String, double[]> columns) {
        public double get(String column, String address) {
            return columns.get(column)[addresses.indexOf(address)];
        }
    }

    /** One row of patterns.parquet. */
    public record Row(String id, String type, List<String> addresses, double confidence) {
    }

    private OutputFiles() {
    }

    public static Features features(Path file) throws IOException {
        List<String> addresses = new ArrayList<>();
        Map<String, double[]> columns = new HashMap<>();
        MessageType schema;
        try (ParquetFileReader reader = open(file)) {
            schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = store(reader, schema, pages);
                int rows = (int) pages.getRowCount();
                for (ColumnDescriptor d : schema.getColumns()) {
                    ColumnReader cr = store.getColumnReader(d);
                    String name = d.getPath()[0];
                    double[] values = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        switch (d.getPrimitiveType().getPrimitiveTypeName()) {
                            case BINARY -> addresses.add(cr.getBinary().toStringUsingUTF8());
                            case INT32 -> values[i] = cr.getInteger();
                            case INT64 -> values[i] = cr.getLong();
                            case DOUBLE -> values[i] = cr.getDouble();
                            case BOOLEAN -> values[i] = cr.getBoolean() ? 1 : 0;
                            default -> throw new IOException("unexpected column type " + d);
                        }
                        cr.consume();
                    }
                    columns.merge(name, values, OutputFiles::concat);
                }
            }
        }
        return new Features(schema, addresses, columns);
    }

    public static List<Row> patterns(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = store(reader, schema, pages);
                ColumnReader id = store.getColumnReader(schema.getColumnDescription(new String[] {"pattern_id"}));
                ColumnReader type = store.getColumnReader(schema.getColumnDescription(new String[] {"pattern_type"}));
                ColumnReader conf = store.getColumnReader(schema.getColumnDescription(new String[] {"confidence"}));
                ColumnDescriptor listColumn = schema.getColumns().stream()
                        .filter(c -> c.getPath()[0].equals("addresses")).findFirst().orElseThrow();
                ColumnReader list = store.getColumnReader(listColumn);
                for (long i = 0; i < pages.getRowCount(); i++) {
                    List<String> addresses = new ArrayList<>();
                    do {
                        if (list.getCurrentDefinitionLevel() == listColumn.getMaxDefinitionLevel()) {
                            addresses.add(list.getBinary().toStringUsingUTF8());
                        }
                        list.consume();
                    } while (list.getCurrentRepetitionLevel() > 0);
                    out.add(new Row(id.getBinary().toStringUsingUTF8(), type.getBinary().toStringUsingUTF8(),
                            addresses, conf.getDouble()));
                    id.consume();
                    type.consume();
                    conf.consume();
                }
            }
        }
        return out;
    }

    /** Column name -> physical type name, for schema assertions. */
    public static Map<String, PrimitiveType.PrimitiveTypeName> types(MessageType schema) {
        Map<String, PrimitiveType.PrimitiveTypeName> out = new HashMap<>();
        for (Type t : schema.getFields()) {
            if (t.isPrimitive()) {
                out.put(t.getName(), t.asPrimitiveType().getPrimitiveTypeName());
            }
        }
        return out;
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return new ParquetFileReader(new LocalInputFile(file), PlainReadOptions.create(PureJavaCodecs.INSTANCE));
    }

    private static ColumnReadStoreImpl store(ParquetFileReader reader, MessageType schema, PageReadStore pages) {
        return new ColumnReadStoreImpl(pages, new DummyRecordConverter(schema).getRootConverter(), schema,
                reader.getFooter().getFileMetaData().getCreatedBy());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
