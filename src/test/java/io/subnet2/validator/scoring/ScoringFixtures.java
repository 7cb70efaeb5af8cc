package io.subnet2.validator.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import io.subnet2.validator.dataset.DatasetLayout;

/**
 * Test-only parquet writers for the files of analyzer-contract.md (transfers, address_labels,
 * ground_truth, features, patterns and the upstream compatibility files), amounts as
 * DECIMAL(38,18) in fixed(16), timestamps INT64 ms.
 */
public final class ScoringFixtures {

    public record Transfer(String from, String to, long timestamp, BigDecimal usd) {
        public Transfer(String from, String to, long timestamp, double usd) {
            this(from, to, timestamp, BigDecimal.valueOf(usd));
        }
    }

    public record Label(String address, String addressType, String riskLevel) {
    }

    public record Truth(String address, String role, String patternType, String instanceId) {
    }

    public record Feature(String address, long degreeIn, long degreeOut, long txIn, long txOut,
                          double totalInUsd, double totalOutUsd, long counterparties, long first, long last) {
    }

    /** A reported pattern; {@code confidence} null writes a null value. */
    public record Pattern(String id, String type, List<String> addresses, Double confidence) {
        /** A pattern of confidence 0.9. */
        public Pattern(String id, String type, List<String> addresses) {
            this(id, type, addresses, 0.9);
        }

        public Pattern withConfidence(Double value) {
            return new Pattern(id, type, addresses, value);
        }
    }

    static final Schema DECIMAL = LogicalTypes.decimal(38, 18)
            .addToSchema(Schema.createFixed("decimal_38_18", null, null, 16));
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private static final Schema TRANSFERS = record("transfer",
            "tx_id:string", "event_index:string", "edge_index:string", "block_height:long",
            "block_timestamp:long", "from_address:string", "to_address:string", "asset_symbol:string",
            "asset_contract:string", "amount:decimal", "amount_usd:decimal", "fee:decimal");
    private static final Schema LABELS = record("address_label",
            "network:string", "network_type:string", "address:string", "label:string", "address_type:string",
            "address_subtype:string", "trust_level:string", "source:string", "risk_level:string",
            "confidence_score:float", "created_timestamp:long", "updated_timestamp:long");
    private static final Schema TRUTH = record("ground_truth",
            "address:string", "role:string", "pattern_type:string", "pattern_instance_id:string",
            "hop_distance:int", "flagged_address:string", "flag_type:string");
    private static final Schema FEATURES = record("feature",
            "address:string", "degree_in:long", "degree_out:long", "tx_in_count:long", "tx_out_count:long",
            "total_in_usd:double", "total_out_usd:double", "unique_counterparties:long",
            "first_activity_timestamp:long", "last_activity_timestamp:long");
    private static final Schema PATTERNS = withNullable(record("pattern",
            "pattern_id:string", "pattern_type:string", "addresses:list"), "confidence", Schema.Type.DOUBLE);
    private static final Schema PATTERNS_WITHOUT_CONFIDENCE = record("pattern",
            "pattern_id:string", "pattern_type:string", "addresses:list");

    private ScoringFixtures() {
    }

    /** Builds an Avro record schema from "name:type" fields (string, long, int, float, double, decimal, list). */
    static Schema record(String name, String... fields) {
        List<Schema.Field> list = new ArrayList<>();
        for (String field : fields) {
            String[] parts = field.split(":");
            Schema type = switch (parts[1]) {
                case "decimal" -> DECIMAL;
                case "list" -> Schema.createArray(Schema.create(Schema.Type.STRING));
                default -> Schema.create(Schema.Type.valueOf(parts[1].toUpperCase()));
            };
            list.add(new Schema.Field(parts[0], type));
        }
        return Schema.createRecord(name, null, null, false, list);
    }

    /** {@code schema} with one more field, optional (null or {@code type}). */
    static Schema withNullable(Schema schema, String name, Schema.Type type) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f.name(), f.schema()));
        }
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(type))));
        return Schema.createRecord(schema.getName(), null, null, false, fields);
    }

    static org.apache.avro.generic.GenericFixed decimal(BigDecimal value) {
        return DECIMALS.toFixed(value.setScale(18, RoundingMode.HALF_EVEN), DECIMAL, DECIMAL.getLogicalType());
    }

    static ParquetWriter<GenericRecord> writer(Path file, Schema schema) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    public static void writeTransfers(Path file, List<Transfer> transfers) throws IOException {
        try (ParquetWriter<GenericRecord> writer = writer(file, TRANSFERS)) {
            int i = 0;
            for (Transfer t : transfers) {
                GenericRecord r = new GenericData.Record(TRANSFERS);
                r.put("tx_id", "0x" + Integer.toHexString(i++));
                r.put("event_index", "0");
                r.put("edge_index", "0");
                r.put("block_height", t.timestamp() / 12_000);
                r.put("block_timestamp", t.timestamp());
                r.put("from_address", t.from());
                r.put("to_address", t.to());
                r.put("asset_symbol", "ETH");
                r.put("asset_contract", "native");
                r.put("amount", decimal(t.usd()));
                r.put("amount_usd", decimal(t.usd()));
                r.put("fee", decimal(BigDecimal.ZERO));
                writer.write(r);
            }
        }
    }

    public static void writeLabels(Path file, List<Label> labels) throws IOException {
        try (ParquetWriter<GenericRecord> writer = writer(file, LABELS)) {
            for (Label l : labels) {
                GenericRecord r = new GenericData.Record(LABELS);
                for (Schema.Field f : LABELS.getFields()) {
                    r.put(f.name(), f.schema().getType() == Schema.Type.STRING ? "" : null);
                }
                r.put("network", "testnet");
                r.put("address", l.address());
                r.put("address_type", l.addressType());
                r.put("risk_level", l.riskLevel());
                r.put("confidence_score", 1.0f);
                r.put("created_timestamp", 0L);
                r.put("updated_timestamp", 0L);
                writer.write(r);
            }
        }
    }

    public static void writeGroundTruth(Path file, List<Truth> truth) throws IOException {
        try (ParquetWriter<GenericRecord> writer = writer(file, TRUTH)) {
            for (Truth t : truth) {
                GenericRecord r = new GenericData.Record(TRUTH);
                r.put("address", t.address());
                r.put("role", t.role());
                r.put("pattern_type", t.patternType());
                r.put("pattern_instance_id", t.instanceId());
                r.put("hop_distance", 0);
                r.put("flagged_address", "");
                r.put("flag_type", "");
                writer.write(r);
            }
        }
    }

    public static void writeFeatures(Path file, List<Feature> features) throws IOException {
        try (ParquetWriter<GenericRecord> writer = writer(file, FEATURES)) {
            for (Feature f : features) {
                GenericRecord r = new GenericData.Record(FEATURES);
                r.put("address", f.address());
                r.put("degree_in", f.degreeIn());
                r.put("degree_out", f.degreeOut());
                r.put("tx_in_count", f.txIn());
                r.put("tx_out_count", f.txOut());
                r.put("total_in_usd", f.totalInUsd());
                r.put("total_out_usd", f.totalOutUsd());
                r.put("unique_counterparties", f.counterparties());
                r.put("first_activity_timestamp", f.first());
                r.put("last_activity_timestamp", f.last());
                writer.write(r);
            }
        }
    }

    public static void writePatterns(Path file, List<Pattern> patterns) throws IOException {
        writePatterns(file, patterns, true);
    }

    /** patterns.parquet with or without its (optional) confidence column. */
    public static void writePatterns(Path file, List<Pattern> patterns, boolean withConfidence) throws IOException {
        Schema schema = withConfidence ? PATTERNS : PATTERNS_WITHOUT_CONFIDENCE;
        try (ParquetWriter<GenericRecord> writer = writer(file, schema)) {
            for (Pattern p : patterns) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("pattern_id", p.id());
                r.put("pattern_type", p.type());
                r.put("addresses", p.addresses());
                if (withConfidence) {
                    r.put("confidence", p.confidence());
                }
                writer.write(r);
            }
        }
    }

    /** The correct features of a list of transfers (what an honest phase 1 writes). */
    public static List<Feature> honestFeatures(List<Transfer> transfers) {
        Map<String, Acc> acc = new TreeMap<>();
        for (Transfer t : transfers) {
            Acc from = acc.computeIfAbsent(t.from(), k -> new Acc());
            Acc to = acc.computeIfAbsent(t.to(), k -> new Acc());
            from.txOut++;
            from.outUsd = from.outUsd.add(t.usd());
            from.receivers.add(t.to());
            to.txIn++;
            to.inUsd = to.inUsd.add(t.usd());
            to.senders.add(t.from());
            for (Acc a : List.of(from, to)) {
                a.first = Math.min(a.first, t.timestamp());
                a.last = Math.max(a.last, t.timestamp());
            }
        }
        List<Feature> features = new ArrayList<>();
        acc.forEach((address, a) -> {
            Set<String> all = new HashSet<>(a.receivers);
            all.addAll(a.senders);
            features.add(new Feature(address, a.senders.size(), a.receivers.size(), a.txIn, a.txOut,
                    a.inUsd.doubleValue(), a.outUsd.doubleValue(), all.size(), a.first, a.last));
        });
        return features;
    }

    private static final class Acc {
        long txIn;
        long txOut;
        BigDecimal inUsd = BigDecimal.ZERO;
        BigDecimal outUsd = BigDecimal.ZERO;
        Set<String> senders = new HashSet<>();
        Set<String> receivers = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
    }

    /** Writes a dataset folder (input/transfers, input/address_labels, ground_truth) and returns its layout. */
    public static DatasetLayout writeDataset(Path root, List<Transfer> transfers, List<Label> labels,
                                             List<Truth> truth) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        writeTransfers(layout.transfers(), transfers);
        writeLabels(layout.addressLabels(), labels);
        writeGroundTruth(layout.groundTruth(), truth);
        return layout;
    }
}
