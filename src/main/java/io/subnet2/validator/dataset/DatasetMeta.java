package io.subnet2.validator.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code input/META.json} (analyzer-contract.md): what the dataset is and the sha256 of every input
 * parquet file. {@code generatedAt} is derived from the processing date (the next midnight UTC), not
 * the wall clock, so two generations with one seed are byte-identical.
 */
public record DatasetMeta(String schemaVersion, String batchId, String network, LocalDate processingDate,
                          int windowDays, String generatedAt, long transfers, long addressLabels,
                          Map<String, String> sha256) {

    public static final String SCHEMA_VERSION = "1.0.0";
    /** The input files META.json lists a sha256 for. */
    public static final List<String> HASHED_FILES = List.of(DatasetLayout.TRANSFERS, DatasetLayout.ADDRESS_LABELS,
            DatasetLayout.ASSETS, DatasetLayout.ASSET_PRICES);
    private static final long MAX_META_BYTES = 1 << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public DatasetMeta {
        sha256 = Collections.unmodifiableMap(new TreeMap<>(sha256));
    }

    public static String batchId(String network, LocalDate date, int windowDays) {
        return network + "-" + date + "-" + windowDays + "d";
    }

    /** Builds the META of the input folder {@code input}, hashing its parquet files. */
    public static DatasetMeta describe(Path input, String network, LocalDate date, int windowDays, long transfers,
                                       long addressLabels) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String file : HASHED_FILES) {
            hashes.put(file, sha256(input.resolve(file)));
        }
        return new DatasetMeta(SCHEMA_VERSION, batchId(network, date, windowDays), network, date, windowDays,
                date.plusDays(1) + "T00:00:00Z", transfers, addressLabels, hashes);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", schemaVersion);
        root.put("batch_id", batchId);
        root.put("network", network);
        root.put("processing_date", processingDate.toString());
        root.put("window_days", windowDays);
        root.put("generated_at", generatedAt);
        ObjectNode counts = root.putObject("counts");
        counts.put("transfers", transfers);
        counts.put("address_labels", addressLabels);
        ObjectNode hashes = root.putObject("sha256");
        sha256.forEach(hashes::put);
        return JSON.writeValueAsBytes(root);
    }

    public void write(Path file) throws IOException {
        Files.write(file, toJson());
    }

    /** Reads and checks the shape of a META.json (at most 1 MiB). */
    public static DatasetMeta read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "META.json missing");
        }
        if (Files.size(file) > MAX_META_BYTES) {
            throw new IOException(file + ": larger than " + MAX_META_BYTES + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            Map<String, String> hashes = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : required(root, "sha256").properties()) {
                hashes.put(e.getKey(), e.getValue().stringValue());
            }
            JsonNode counts = required(root, "counts");
            return new DatasetMeta(required(root, "schema_version").stringValue(),
                    required(root, "batch_id").stringValue(), required(root, "network").stringValue(),
                    LocalDate.parse(required(root, "processing_date").stringValue()),
                    required(root, "window_days").intValue(), required(root, "generated_at").stringValue(),
                    required(counts, "transfers").longValue(), required(counts, "address_labels").longValue(),
                    hashes);
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + ": invalid META.json: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("META.json: missing field " + field);
        }
        return value;
    }

    /**
     * Checks that every input file exists and matches its sha256.
     *
     * @throws IOException naming the first missing or mismatching file
     */
    public void verify(Path input) throws IOException {
        for (String file : HASHED_FILES) {
            String expected = sha256.get(file);
            if (expected == null) {
                throw new IOException("META.json has no sha256 for " + file);
            }
            Path path = input.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString(), null, "input file missing");
            }
            String actual = sha256(path);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException(path + ": sha256 " + actual + " does not match META.json " + expected);
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
