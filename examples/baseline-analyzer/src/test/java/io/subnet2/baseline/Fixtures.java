package io.subnet2.baseline;

import io.subnet2.baseline.io.ParquetFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** Writes contract-shaped input parquet files (DECIMAL(38,18) as FIXED, INT64 millis) for tests. */
public final class Fixtures {

    /** One transfer row; the other contract columns get fixed filler values. */
    public record Row(String from, String to, long ts, double usd, String asset) {
        public Row(String from, String to, long ts, double usd) {
            this(from, to, ts, usd, "ETH");
        }
    }

    private static final Schema DECIMAL = LogicalTypes.decimal(38, 18)
            .addToSchema(Schema.createFixed("decimal_38_18", null, "io.subnet2.test", 16));
    private static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    private static final Conversions.DecimalConversion CONVERSION = new Conversions.DecimalConversion();

    static final Schema TRANSFERS = SchemaBuilder.record("transfer").fields()
            .requiredString("tx_id").requiredString("event_index").requiredString("edge_index")
            .requiredLong("block_height")
            .name("block_timestamp").type(TIMESTAMP).noDefault()
            .requiredString("from_address").requiredString("to_address")
            .requiredString("asset_symbol").requiredString("asset_contract")
            .name("amount").type(DECIMAL).noDefault()
            .name("amount_usd").type(DECIMAL).noDefault()
            .name("fee").type(DECIMAL).noDefault()
            .endRecord();

    static final Schema LABELS = SchemaBuilder.record("address_label").fields()
            .requiredString("network").requiredString("network_type").requiredString("address")
            .requiredString("label").requiredString("address_type").requiredString("address_subtype")
            .requiredString("trust_level").requiredString("source").requiredString("risk_level")
            .requiredFloat("confidence_score").requiredLong("created_timestamp").requiredLong("updated_timestamp")
            .endRecord();

    private Fixtures() {
    }

    public static void writeTransfers(Path inputDir, Collection<Row> rows) throws IOException {
        try (ParquetWriter<GenericRecord> w = ParquetFiles.writer(inputDir.resolve("transfers.parquet"), TRANSFERS)) {
            int i = 0;
            for (Row row : rows) {
                GenericData.Record r = new GenericData.Record(TRANSFERS);
                r.put("tx_id", "0x" + Integer.toHexString(i));
                r.put("event_index", "0");
                r.put("edge_index", String.valueOf(i));
                r.put("block_height", 1_000_000L + i);
                r.put("block_timestamp", row.ts());
                r.put("from_address", row.from());
                r.put("to_address", row.to());
                r.put("asset_symbol", row.asset());
                r.put("asset_contract", row.asset().equals("ETH") ? "native" : "0xc0" + row.asset());
                r.put("amount", decimal(row.usd() / 2000));
                r.put("amount_usd", decimal(row.usd()));
                r.put("fee", decimal(0.001));
                w.write(r);
                i++;
            }
        }
    }

    /** address -> {address_type, address_subtype, risk_level}. */
    public static void writeLabels(Path inputDir, Map<String, List<String>> labels) throws IOException {
        try (ParquetWriter<GenericRecord> w = ParquetFiles.writer(inputDir.resolve("address_labels.parquet"), LABELS)) {
            for (Map.Entry<String, List<String>> e : labels.entrySet()) {
                GenericData.Record r = new GenericData.Record(LABELS);
                r.put("network", "torus");
                r.put("network_type", "substrate");
                r.put("address", e.getKey());
                r.put("label", "label of " + e.getKey());
                r.put("address_type", e.getValue().get(0));
                r.put("address_subtype", e.getValue().get(1));
                r.put("trust_level", "verified");
                r.put("source", "test");
                r.put("risk_level", e.getValue().get(2));
                r.put("confidence_score", 0.9f);
                r.put("created_timestamp", 1L);
                r.put("updated_timestamp", 2L);
                w.write(r);
            }
        }
    }

    /** The decimal the file holds for a double amount (what the analyzer should read back). */
    public static BigDecimal exact(double usd) {
        return new BigDecimal(usd).setScale(18, RoundingMode.HALF_EVEN);
    }

    private static GenericData.Fixed decimal(double v) {
        return (GenericData.Fixed) CONVERSION.toFixed(exact(v), DECIMAL, DECIMAL.getLogicalType());
    }
}
