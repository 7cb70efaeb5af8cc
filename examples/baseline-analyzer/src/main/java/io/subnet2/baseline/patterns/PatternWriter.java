package io.subnet2.baseline.patterns;

import io.subnet2.baseline.io.ParquetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** patterns.parquet: pattern_id, pattern_type, addresses (list of string), confidence. */
public final class PatternWriter {

    public static final Schema SCHEMA = SchemaBuilder.record("pattern").namespace("io.subnet2.baseline")
            .fields()
            .requiredString("pattern_id")
            .requiredString("pattern_type")
            .name("addresses").type().array().items().stringType().noDefault()
            .requiredDouble("confidence")
            .endRecord();

    private PatternWriter() {
    }

    public static void write(Path file, List<PatternSink.Identified> patterns) throws IOException {
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.writer(file, SCHEMA)) {
            for (PatternSink.Identified p : patterns) {
                GenericData.Record r = new GenericData.Record(SCHEMA);
                r.put(0, p.id());
                r.put(1, p.type());
                r.put(2, List.of(p.addresses()));
                r.put(3, p.confidence());
                writer.write(r);
            }
        }
    }
}
