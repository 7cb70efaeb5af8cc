package io.subnet2.baseline.io;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes local parquet files with parquet-avro and no Hadoop at run time: {@link LocalOutputFile},
 * a {@link PlainParquetConfiguration}, an explicit data model and the pure-Java codecs.
 */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    private static ParquetConfiguration conf() {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        // standard 3-level LIST (list / element) rather than parquet-avro's legacy 2-level layout
        conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
        return conf;
    }

    /** A snappy writer with dictionary encoding; replaces the file if it exists. */
    public static ParquetWriter<GenericRecord> writer(Path file, Schema schema) throws IOException {
        return writer(file, schema, true);
    }

    /** A snappy writer; replaces the file if it exists. Dictionaries only pay off for repeated values. */
    public static ParquetWriter<GenericRecord> writer(Path file, Schema schema, boolean dictionary) throws IOException {
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(conf())
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(dictionary)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }
}
