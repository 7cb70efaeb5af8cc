package io.subnet2.validator.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.PatternType;
import io.subnet2.validator.scoring.ScoringFixtures.Pattern;

/**
 * The red-team outputs of scoring.md §8 (the "v1 suite" of integrity.md), derived from an honest
 * output folder (features.parquet + patterns.parquet) and the dataset it was computed on. Copies of
 * honest patterns keep their confidence; junk claims confidence 1 (the top of the contract's range:
 * ranked last, junk could not lower average precision, see {@link #honestPlusJunkRankedLast}).
 * Reusable on a generated dataset with the baseline analyzer's output.
 */
public final class RedTeamOutputs {

    public static final List<String> NAMES = List.of("all-addresses-as-one-address-patterns",
            "every-transfer-as-pair-of-each-type", "random-address-lists", "honest-duplicated-100x",
            "honest-plus-10x-junk", "empty-patterns", "features-missing-one-address", "features-wrong-total");

    private static final String[] TYPES = PatternType.values().length == 8
            ? java.util.Arrays.stream(PatternType.values()).map(PatternType::id).toArray(String[]::new) : null;

    private RedTeamOutputs() {
    }

    /** Writes one output folder per cheat under {@code work}; returns name to folder, in {@link #NAMES} order. */
    public static Map<String, Path> create(Path honest, DatasetLayout dataset, Path work, long seed)
            throws IOException {
        Random random = new Random(seed);
        List<GenericRecord> features = read(honest.resolve("features.parquet"));
        List<Pattern> honestPatterns = readPatterns(honest.resolve("patterns.parquet"));
        Set<String> addressSet = new TreeSet<>();
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (GenericRecord t : read(dataset.transfers())) {
            String from = t.get("from_address").toString();
            String to = t.get("to_address").toString();
            addressSet.add(from);
            addressSet.add(to);
            pairs.add(List.of(from, to));
        }
        List<String> addresses = new ArrayList<>(addressSet);
        Map<String, Path> outputs = new LinkedHashMap<>();

        List<Pattern> singles = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            singles.add(new Pattern("single-" + i, TYPES[i % TYPES.length], List.of(addresses.get(i))));
        }
        outputs.put(NAMES.get(0), write(work.resolve(NAMES.get(0)), honest, singles));

        List<Pattern> pairPatterns = new ArrayList<>();
        for (List<String> pair : pairs) {
            for (String type : TYPES) {
                pairPatterns.add(new Pattern("pair-" + pairPatterns.size(), type, pair));
            }
        }
        outputs.put(NAMES.get(1), write(work.resolve(NAMES.get(1)), honest, pairPatterns));

        int count = Math.max(honestPatterns.size(), 10);
        outputs.put(NAMES.get(2), write(work.resolve(NAMES.get(2)), honest, junk(random, addresses, count)));

        List<Pattern> duplicated = new ArrayList<>();
        for (int copy = 0; copy < 100; copy++) {
            for (Pattern p : honestPatterns) {
                duplicated.add(new Pattern(p.id() + "-copy" + copy, p.type(), p.addresses(), p.confidence()));
            }
        }
        outputs.put(NAMES.get(3), write(work.resolve(NAMES.get(3)), honest, duplicated));

        List<Pattern> withJunk = new ArrayList<>(honestPatterns);
        withJunk.addAll(junk(random, addresses, 10 * honestPatterns.size()));
        outputs.put(NAMES.get(4), write(work.resolve(NAMES.get(4)), honest, withJunk));

        outputs.put(NAMES.get(5), write(work.resolve(NAMES.get(5)), honest, List.of()));

        Path missing = write(work.resolve(NAMES.get(6)), honest, honestPatterns);
        List<GenericRecord> fewer = new ArrayList<>(features);
        fewer.remove(random.nextInt(fewer.size()));
        writeRecords(missing.resolve("features.parquet"), fewer);
        outputs.put(NAMES.get(6), missing);

        Path wrongTotal = write(work.resolve(NAMES.get(7)), honest, honestPatterns);
        List<GenericRecord> changed = new ArrayList<>(features);
        GenericRecord victim = new GenericData.Record((GenericData.Record) changed.get(0), true);
        victim.put("total_out_usd", inflate(victim.get("total_out_usd"), victim.getSchema().getField("total_out_usd")));
        changed.set(0, victim);
        writeRecords(wrongTotal.resolve("features.parquet"), changed);
        outputs.put(NAMES.get(7), wrongTotal);
        return outputs;
    }

    private static List<Pattern> junk(Random random, List<String> addresses, int count) {
        List<Pattern> junk = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = 2 + random.nextInt(5);
            List<String> list = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                list.add(addresses.get(random.nextInt(addresses.size())));
            }
            junk.add(new Pattern("junk-" + i, TYPES[random.nextInt(TYPES.length)], list, 1.0));
        }
        return junk;
    }

    /** total_out_usd x 1.5 + 1, whether the column is a double or a decimal. */
    private static Object inflate(Object value, Schema.Field field) {
        if (value instanceof Double d) {
            return d * 1.5 + 1;
        }
        Schema schema = field.schema().getType() == Schema.Type.UNION
                ? field.schema().getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow()
                : field.schema();
        LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) schema.getLogicalType();
        Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
        BigDecimal amount = value instanceof GenericFixed fixed ? conversion.fromFixed(fixed, schema, decimal)
                : conversion.fromBytes((ByteBuffer) value, schema, decimal);
        BigDecimal inflated = amount.multiply(BigDecimal.valueOf(1.5)).add(BigDecimal.ONE)
                .setScale(decimal.getScale(), java.math.RoundingMode.HALF_EVEN);
        return value instanceof GenericFixed ? conversion.toFixed(inflated, schema, decimal)
                : conversion.toBytes(inflated, schema, decimal);
    }

    /** The honest patterns plus 10× junk at confidence 0, below every honest one (not a cheat: it gains nothing). */
    public static Path honestPlusJunkRankedLast(Path honest, DatasetLayout dataset, Path out, long seed)
            throws IOException {
        List<String> addresses = new ArrayList<>(new TreeSet<>(addressesOf(dataset)));
        List<Pattern> patterns = new ArrayList<>(readPatterns(honest.resolve("patterns.parquet")));
        for (Pattern p : junk(new Random(seed), addresses, 10 * patterns.size())) {
            patterns.add(p.withConfidence(0.0));
        }
        return write(out, honest, patterns);
    }

    /** The honest patterns with every confidence replaced by {@code constant}. */
    public static Path honestWithConstantConfidence(Path honest, Path out, double constant) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (Pattern p : readPatterns(honest.resolve("patterns.parquet"))) {
            patterns.add(p.withConfidence(constant));
        }
        return write(out, honest, patterns);
    }

    private static Set<String> addressesOf(DatasetLayout dataset) throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (GenericRecord t : read(dataset.transfers())) {
            addresses.add(t.get("from_address").toString());
            addresses.add(t.get("to_address").toString());
        }
        return addresses;
    }

    /** An output folder: the honest features and {@code patterns}. */
    static Path write(Path out, Path honest, List<Pattern> patterns) throws IOException {
        Files.createDirectories(out);
        Files.copy(honest.resolve("features.parquet"), out.resolve("features.parquet"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ScoringFixtures.writePatterns(out.resolve("patterns.parquet"), patterns);
        return out;
    }

    static List<GenericRecord> read(Path file) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        }
        return records;
    }

    static List<Pattern> readPatterns(Path file) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (GenericRecord r : read(file)) {
            List<String> addresses = new ArrayList<>();
            for (Object a : (List<?>) r.get("addresses")) {
                addresses.add(a instanceof GenericRecord element ? element.get(0).toString() : a.toString());
            }
            Object confidence = r.getSchema().getField("confidence") == null ? null : r.get("confidence");
            patterns.add(new Pattern(String.valueOf(r.get("pattern_id")), String.valueOf(r.get("pattern_type")),
                    addresses, confidence == null ? null : ((Number) confidence).doubleValue()));
        }
        return patterns;
    }

    private static void writeRecords(Path file, List<GenericRecord> records) throws IOException {
        try (var writer = ScoringFixtures.writer(file, records.get(0).getSchema())) {
            for (GenericRecord r : records) {
                writer.write(r);
            }
        }
    }
}
