package io.subnet2.validator.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.subnet2.validator.CliCommand;

/**
 * {@code dataset generate --out DIR --seed N [--transfers N] [--network NAME] [--date YYYY-MM-DD]
 * [--window-days N] [--secret-file FILE]}: generates a dataset without Spring and prints a one-line
 * JSON summary. Without {@code --secret-file} the public development secret is used.
 */
public final class DatasetCommand implements CliCommand {

    static final String USAGE = "usage: dataset generate --out DIR --seed N [--transfers N (default "
            + DatasetProperties.DEFAULT_TRANSFERS + ")] [--network NAME (default " + GenerationRequest.DEFAULT_NETWORK
            + ")] [--date YYYY-MM-DD (default " + GenerationRequest.DEFAULT_DATE + ")] [--window-days N (default "
            + GenerationRequest.DEFAULT_WINDOW_DAYS + ")] [--secret-file FILE (default: the public development secret)]";
    private static final Set<String> OPTIONS = Set.of("--out", "--seed", "--transfers", "--network", "--date",
            "--window-days", "--secret-file");
    private static final long MAX_SECRET_FILE_BYTES = 4096;

    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("generate")) {
            err.println(USAGE);
            return 2;
        }
        GenerationRequest request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("dataset generate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        quietLibraryLogs();
        try {
            GeneratedDataset dataset = new DatasetGenerator().generate(request);
            out.println(summary(request, dataset));
            return 0;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("dataset generate: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Without Spring, logback's default configuration prints INFO lines of Hadoop's codec pool on
     * stdout, which would break the one-line JSON summary; those libraries are raised to WARN.
     */
    private static void quietLibraryLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : new String[] {"org.apache.hadoop", "org.apache.parquet"}) {
                context.getLogger(name).setLevel(Level.WARN);
            }
        }
    }

    static GenerationRequest parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException("repeated option " + args[i]);
            }
        }
        String out = required(options, "--out");
        long seed = number(required(options, "--seed"), "--seed");
        long transfers = options.containsKey("--transfers")
                ? number(options.get("--transfers"), "--transfers") : DatasetProperties.DEFAULT_TRANSFERS;
        String network = options.getOrDefault("--network", GenerationRequest.DEFAULT_NETWORK);
        LocalDate date = options.containsKey("--date")
                ? LocalDate.parse(options.get("--date")) : GenerationRequest.DEFAULT_DATE;
        int window = options.containsKey("--window-days")
                ? Math.toIntExact(number(options.get("--window-days"), "--window-days"))
                : GenerationRequest.DEFAULT_WINDOW_DAYS;
        DatasetSecret secret = options.containsKey("--secret-file")
                ? secretFile(Path.of(options.get("--secret-file"))) : DatasetSecret.DEVELOPMENT;
        return new GenerationRequest(Path.of(out), seed, transfers, network, date, window, secret);
    }

    /** The file's content without surrounding whitespace (a secret on the command line would show in ps). */
    private static DatasetSecret secretFile(Path file) {
        try {
            if (Files.size(file) > MAX_SECRET_FILE_BYTES) {
                throw new IllegalArgumentException("--secret-file larger than " + MAX_SECRET_FILE_BYTES + " bytes: " + file);
            }
            return new DatasetSecret(Files.readString(file).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("--secret-file unreadable: " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: " + value);
        }
    }

    static String summary(GenerationRequest request, GeneratedDataset dataset) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("out", dataset.layout().root().toString());
        root.put("input", dataset.layout().input().toString());
        root.put("ground_truth", dataset.layout().groundTruth().toString());
        root.put("batch_id", dataset.meta().batchId());
        root.put("seed", request.seed());
        root.put("secret", request.secret().isDevelopment() ? "development" : "file");
        root.put("transfers", dataset.transfers());
        root.put("addresses", dataset.addresses());
        root.put("address_labels", dataset.addressLabels());
        root.put("ground_truth_rows", dataset.groundTruthRows());
        ObjectNode instances = root.putObject("instances");
        for (PatternType type : PatternType.values()) {
            instances.put(type.id(), dataset.instances().getOrDefault(type, 0));
        }
        root.put("seconds", Math.round(dataset.seconds() * 10) / 10.0);
        return json.writeValueAsString(root);
    }
}
