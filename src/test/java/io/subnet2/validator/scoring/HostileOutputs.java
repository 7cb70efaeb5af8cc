package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * Malformed and hostile output folders (scoring.md §8), each with a fragment its error must
 * contain. {@link #main} scores every folder in a child JVM with a small heap and prints one line
 * per folder, so the tests can prove the heap stays bounded.
 */
public final class HostileOutputs {

    private HostileOutputs() {
    }

    /** Creates one output folder per hostile case under {@code root}; name to expected error fragment. */
    public static Map<String, String> create(Path root, SmallDataset small) throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        List<ScoringFixtures.Pattern> honest = new ArrayList<>(small.honest.values());

        Path notParquet = honestOutput(root.resolve("not-parquet"), small);
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(notParquet.resolve("features.parquet"), junk);
        cases.put("not-parquet", "not a parquet file");

        Path truncated = honestOutput(root.resolve("truncated-footer"), small);
        byte[] file = Files.readAllBytes(truncated.resolve("features.parquet"));
        byte[] cut = Arrays.copyOf(file, file.length / 3 + 8);
        System.arraycopy(file, file.length - 8, cut, cut.length - 8, 8);
        Files.write(truncated.resolve("features.parquet"), cut);
        cases.put("truncated-footer", "footer");

        Path wrongTypes = honestOutput(root.resolve("wrong-types"), small);
        Schema wrong = ScoringFixtures.record("feature", "address:string", "degree_in:string", "degree_out:long",
                "tx_in_count:long", "tx_out_count:long", "total_in_usd:double", "total_out_usd:double",
                "unique_counterparties:long", "first_activity_timestamp:long", "last_activity_timestamp:long");
        try (ParquetWriter<GenericRecord> w = ScoringFixtures.writer(wrongTypes.resolve("features.parquet"), wrong)) {
            for (ScoringFixtures.Feature f : ScoringFixtures.honestFeatures(small.transfers)) {
                GenericRecord r = new GenericData.Record(wrong);
                wrong.getFields().forEach(field -> r.put(field.name(), field.schema().getType() == Schema.Type.STRING
                        ? "x" : field.schema().getType() == Schema.Type.DOUBLE ? (Object) 0.0 : (Object) 0L));
                r.put("address", f.address());
                w.write(r);
            }
        }
        cases.put("wrong-types", "degree_in must be an integer");

        Path listOfInts = honestOutput(root.resolve("wrong-list-type"), small);
        Schema ints = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"p\",\"fields\":["
                + "{\"name\":\"pattern_id\",\"type\":\"string\"},{\"name\":\"pattern_type\",\"type\":\"string\"},"
                + "{\"name\":\"addresses\",\"type\":{\"type\":\"array\",\"items\":\"long\"}}]}");
        try (ParquetWriter<GenericRecord> w = ScoringFixtures.writer(listOfInts.resolve("patterns.parquet"), ints)) {
            GenericRecord r = new GenericData.Record(ints);
            r.put("pattern_id", "p1");
            r.put("pattern_type", "cycle");
            r.put("addresses", List.of(1L, 2L));
            w.write(r);
        }
        cases.put("wrong-list-type", "must be a list of strings");

        Path manyGroups = honestOutput(root.resolve("many-row-groups"), small);
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
                        new LocalOutputFile(manyGroups.resolve("patterns.parquet")))
                .withSchema(patternSchema()).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupRowCountLimit(1).withPageRowCountLimit(1).build()) {
            for (int i = 0; i < 12_000; i++) {
                w.write(pattern("p" + i, "cycle", List.of("A1", "A2", "A3")));
            }
        }
        cases.put("many-row-groups", "row groups|footer");

        Path huge = honestOutput(root.resolve("huge-string"), small);
        List<ScoringFixtures.Pattern> withHuge = new ArrayList<>(honest);
        withHuge.add(new ScoringFixtures.Pattern("huge", "cycle", List.of("A1", "x".repeat(10 << 20))));
        ScoringFixtures.writePatterns(huge.resolve("patterns.parquet"), withHuge);
        cases.put("huge-string", "bytes is above the limit of 512|values but declares");

        Path bomb = honestOutput(root.resolve("decompression-bomb"), small);
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
                        new LocalOutputFile(bomb.resolve("patterns.parquet")))
                .withSchema(patternSchema()).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.GZIP).withDictionaryEncoding(false)
                .withPageSize(128 << 20).build()) {
            String big = "0".repeat(100 << 20);
            w.write(pattern(big, "cycle", List.of("A1", "A2", "A3")));
        }
        cases.put("decompression-bomb", "limit");

        Path symlink = honestOutput(root.resolve("symlink"), small);
        Files.delete(symlink.resolve("features.parquet"));
        Files.createSymbolicLink(symlink.resolve("features.parquet"),
                root.resolve("huge-string").resolve("features.parquet").toAbsolutePath());
        cases.put("symlink", "symbolic link");

        Path directory = honestOutput(root.resolve("directory"), small);
        Files.delete(directory.resolve("patterns.parquet"));
        Files.createDirectory(directory.resolve("patterns.parquet"));
        cases.put("directory", "not a regular file");

        Path missing = honestOutput(root.resolve("missing-patterns"), small);
        Files.delete(missing.resolve("patterns.parquet"));
        cases.put("missing-patterns", "patterns.parquet is missing");
        return cases;
    }

    static Schema patternSchema() {
        return ScoringFixtures.record("pattern", "pattern_id:string", "pattern_type:string", "addresses:list");
    }

    static GenericRecord pattern(String id, String type, List<String> addresses) {
        GenericRecord r = new GenericData.Record(patternSchema());
        r.put("pattern_id", id);
        r.put("pattern_type", type);
        r.put("addresses", addresses);
        return r;
    }

    private static Path honestOutput(Path out, SmallDataset small) throws IOException {
        Files.createDirectories(out);
        small.writeHonestOutput(out);
        return out;
    }

    /** args: dataset root, hostile outputs root, case names... Prints "name|minerFault|error" per case. */
    public static void main(String[] args) {
        DatasetLayout layout = new DatasetLayout(Path.of(args[0]));
        ScoringDataset dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        for (int i = 2; i < args.length; i++) {
            RunScore score = RunScorer.score(dataset, Path.of(args[1]).resolve(args[i]), PhaseTimes.unknown(),
                    PhaseTimes.unknown());
            System.out.println(args[i] + "|" + score.minerFault() + "|" + score.error());
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("max-heap|" + rt.maxMemory());
    }
}
