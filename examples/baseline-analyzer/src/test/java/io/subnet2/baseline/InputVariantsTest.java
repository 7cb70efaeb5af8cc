package io.subnet2.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subnet2.baseline.features.FeaturesPhase;
import io.subnet2.baseline.io.PureJavaCodecs;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other legal physical layouts of transfers.parquet: nullable columns, DECIMAL(38,18) as BINARY
 * instead of FIXED, many small row groups, plain (non-dictionary) strings, extra columns.
 */
class InputVariantsTest {

    @TempDir
    Path dir;

    private static final Schema DECIMAL_BYTES = LogicalTypes.decimal(38, 18).addToSchema(Schema.create(Schema.Type.BYTES));

    @Test
    void nullableBinaryDecimalsAndManyRowGroupsGiveExactFeatures() throws Exception {
        Schema schema = SchemaBuilder.record("t").fields()
                .optionalString("from_address").optionalString("to_address")
                .optionalLong("block_timestamp")
                .name("amount_usd").type().unionOf().nullType().and().type(DECIMAL_BYTES).endUnion().nullDefault()
                .optionalString("memo")
                .endRecord();
        List<Fixtures.Row> rows = SyntheticData.generate(9, 20_000, 2, 1).rows();
        Path input = Files.createDirectories(dir.resolve("input"));
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
                        new LocalOutputFile(input.resolve("transfers.parquet")))
                .withConf(new PlainParquetConfiguration()).withSchema(schema).withDataModel(GenericData.get())
                .withCodecFactory(PureJavaCodecs.INSTANCE).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(false).withRowGroupSize(64 * 1024L).withPageSize(8 * 1024).build()) {
            for (Fixtures.Row row : rows) {
                GenericData.Record r = new GenericData.Record(schema);
                r.put("from_address", row.from());
                r.put("to_address", row.to());
                r.put("block_timestamp", row.ts());
                BigDecimal usd = Fixtures.exact(row.usd());
                r.put("amount_usd", ByteBuffer.wrap(usd.unscaledValue().toByteArray()));
                r.put("memo", "x");
                w.write(r);
            }
            GenericData.Record orphan = new GenericData.Record(schema); // no ends: cannot be attributed
            orphan.put("block_timestamp", 1L);
            w.write(orphan);
        }
        Path output = Files.createDirectories(dir.resolve("output"));
        FeaturesPhase.run(input, output);
        OutputFiles.Features f = OutputFiles.features(output.resolve("features.parquet"));
        NaiveFeatures.assertMatches(rows, f);
        assertTrue(f.addresses().size() > 1_000);
        assertEquals(1, f.get("distinct_assets", rows.get(0).from()), "without asset columns all is one asset");
    }
}
