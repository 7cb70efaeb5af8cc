package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import io.subnet2.validator.dataset.ChannelInputFile;

/**
 * Writer settings shared by every dataset file: snappy, dictionary-encoded strings with a dictionary
 * page large enough for a row group's addresses, and row groups capped by row count so a reader can
 * split a big file into parallel row groups.
 */
public final class ParquetFiles {

    /** Rows per row group (a 10 M-row transfers file has 10 row groups). */
    public static final int ROW_GROUP_ROWS = 1 << 20;
    /** Byte cap well above a row group's buffered size, so the row count decides. */
    public static final long ROW_GROUP_BYTES = 512L << 20;
    /** Up to about 1.4 M distinct 42-character addresses per column chunk stay dictionary-encoded. */
    public static final int DICTIONARY_PAGE_BYTES = 64 << 20;

    private ParquetFiles() {
    }

    /**
     * A parquet-avro writer.
     *
     * @param plainColumns high-cardinality columns written without dictionary
     * @param noStatistics columns whose min/max statistics are useless to readers (hashes, addresses)
     */
    public static ParquetWriter<GenericRecord> writer(Path file, Schema schema, Set<String> plainColumns,
                                                      Set<String> noStatistics) throws IOException {
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(output(file))
                .withSchema(schema)
                .withDataModel(GenericData.get());
        for (String column : noStatistics) {
            builder.withStatisticsEnabled(column, false);
        }
        return configure(builder, plainColumns).build();
    }

    public static ParquetWriter<GenericRecord> writer(Path file, Schema schema) throws IOException {
        return writer(file, schema, Set.of(), Set.of());
    }

    /** A parquet-avro writer with an explicit parquet schema (for annotations Avro cannot express). */
    public static ParquetWriter<GenericRecord> writer(Path file, Schema schema, MessageType parquetSchema)
            throws IOException {
        ExplicitSchemaBuilder builder = new ExplicitSchemaBuilder(output(file), schema, parquetSchema);
        return configure(builder, Set.of()).build();
    }

    /**
     * Concatenates parquet files of one schema into {@code target} by copying their row groups
     * (no re-encoding), keeping the first part's key-value metadata, and deletes each part once copied.
     * Page indexes are not copied (parquet-mr does not), which readers treat as absent.
     */
    public static void concatenateAndDelete(List<Path> parts, Path target) throws IOException {
        MessageType schema;
        Map<String, String> metadata;
        try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(parts.get(0)))) {
            schema = reader.getFileMetaData().getSchema();
            metadata = new TreeMap<>(reader.getFileMetaData().getKeyValueMetaData());
        }
        ParquetFileWriter writer = new ParquetFileWriter(output(target), schema, ParquetFileWriter.Mode.CREATE,
                ROW_GROUP_BYTES, 0);
        writer.start();
        for (Path part : parts) {
            writer.appendFile(new ChannelInputFile(part));
            Files.delete(part);
        }
        writer.end(metadata);
    }

    private static OutputFile output(Path file) {
        return new LocalOutputFile(file);
    }

    private static <B extends ParquetWriter.Builder<GenericRecord, B>> B configure(B builder, Set<String> plain) {
        builder.withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withDictionaryEncoding(true)
                .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
                .withSizeStatisticsEnabled(false);
        for (String column : plain) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder;
    }

    private static final class ExplicitSchemaBuilder
            extends ParquetWriter.Builder<GenericRecord, ExplicitSchemaBuilder> {
        private final Schema avroSchema;
        private final MessageType parquetSchema;

        ExplicitSchemaBuilder(OutputFile file, Schema avroSchema, MessageType parquetSchema) {
            super(file);
            this.avroSchema = avroSchema;
            this.parquetSchema = parquetSchema;
        }

        @Override
        protected ExplicitSchemaBuilder self() {
            return this;
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(Configuration conf) {
            return new AvroWriteSupport<>(parquetSchema, avroSchema, GenericData.get());
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(ParquetConfiguration conf) {
            return new AvroWriteSupport<>(parquetSchema, avroSchema, GenericData.get());
        }
    }
}
