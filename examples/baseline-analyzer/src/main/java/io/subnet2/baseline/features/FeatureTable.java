package io.subnet2.baseline.features;

import io.subnet2.baseline.io.ParquetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** Named feature columns (one value per address) and their parquet output. */
public final class FeatureTable {

    private final String[] addresses;
    private final List<String> names = new ArrayList<>();
    private final List<Object> columns = new ArrayList<>();

    public FeatureTable(String[] addresses) {
        this.addresses = addresses;
    }

    public FeatureTable add(String name, int[] values) {
        return put(name, values);
    }

    public FeatureTable add(String name, long[] values) {
        return put(name, values);
    }

    public FeatureTable add(String name, double[] values) {
        return put(name, values);
    }

    public FeatureTable add(String name, boolean[] values) {
        return put(name, values);
    }

    private FeatureTable put(String name, Object values) {
        if (names.contains(name) || "address".equals(name)) {
            throw new IllegalArgumentException("duplicate feature " + name);
        }
        names.add(name);
        columns.add(values);
        return this;
    }

    /** Appends every column of another table over the same addresses. */
    public FeatureTable addAll(FeatureTable other) {
        for (int c = 0; c < other.names.size(); c++) {
            put(other.names.get(c), other.columns.get(c));
        }
        return this;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public Schema schema() {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("features")
                .namespace("io.subnet2.baseline").fields().requiredString("address");
        for (int c = 0; c < names.size(); c++) {
            Object col = columns.get(c);
            String name = names.get(c);
            if (col instanceof int[]) {
                fields = fields.requiredInt(name);
            } else if (col instanceof long[]) {
                fields = fields.requiredLong(name);
            } else if (col instanceof double[]) {
                fields = fields.requiredDouble(name);
            } else {
                fields = fields.requiredBoolean(name);
            }
        }
        return fields.endRecord();
    }

    /** Writes one row per address, in address-id order. */
    public void write(Path file) throws IOException {
        Schema schema = schema();
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.writer(file, schema, false)) {
            GenericData.Record r = new GenericData.Record(schema); // written out at once, so reusable
            for (int a = 0; a < addresses.length; a++) {
                r.put(0, addresses[a]);
                for (int c = 0; c < columns.size(); c++) {
                    r.put(c + 1, value(columns.get(c), a));
                }
                writer.write(r);
            }
        }
    }

    private static Object value(Object col, int a) {
        if (col instanceof int[] v) {
            return v[a];
        }
        if (col instanceof long[] v) {
            return v[a];
        }
        if (col instanceof double[] v) {
            return v[a];
        }
        return ((boolean[]) col)[a];
    }
}
