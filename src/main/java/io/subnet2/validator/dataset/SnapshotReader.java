package io.subnet2.validator.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads external dataset snapshots laid out as {@code {data}/synthetics/snapshots/{network}/{date}/{window}/}
 * ({@code {window}} is the number of days, {@code 7} or {@code 7d}). A snapshot folder holds either
 * our layout ({@code input/} with the five input files, {@code ground_truth.parquet} beside it) or
 * the five input files and {@code ground_truth.parquet} side by side. A snapshot is accepted only
 * when its META.json matches the requested network, date and window and every sha256 matches.
 */
public final class SnapshotReader {

    /** A verified snapshot: {@code input} holds the five input files. */
    public record Snapshot(Path folder, Path input, Path groundTruth, DatasetMeta meta) {
    }

    private final Path dataDir;

    public SnapshotReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The first existing candidate folder for the snapshot, if any. */
    public Optional<Path> locate(String network, LocalDate date, int windowDays) {
        Path dateDir = dataDir.resolve("synthetics").resolve("snapshots").resolve(network).resolve(date.toString());
        for (String window : new String[] {Integer.toString(windowDays), windowDays + "d"}) {
            Path folder = dateDir.resolve(window);
            if (Files.isDirectory(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** The snapshot when one exists; throws when it exists but is incomplete or corrupt. */
    public Optional<Snapshot> find(String network, LocalDate date, int windowDays) throws IOException {
        Optional<Path> folder = locate(network, date, windowDays);
        return folder.isEmpty() ? Optional.empty() : Optional.of(read(folder.get(), network, date, windowDays));
    }

    /**
     * Reads and verifies the snapshot in {@code folder}.
     *
     * @throws NoSuchFileException when a required file is missing
     * @throws IOException         when META.json is invalid, does not match, or a sha256 differs
     */
    public static Snapshot read(Path folder, String network, LocalDate date, int windowDays) throws IOException {
        Path input = Files.isRegularFile(folder.resolve(DatasetLayout.INPUT_DIR).resolve(DatasetLayout.META))
                ? folder.resolve(DatasetLayout.INPUT_DIR) : folder;
        DatasetMeta meta = DatasetMeta.read(input.resolve(DatasetLayout.META));
        expect("schema_version", DatasetMeta.SCHEMA_VERSION, meta.schemaVersion(), folder);
        expect("network", network, meta.network(), folder);
        expect("processing_date", date.toString(), meta.processingDate().toString(), folder);
        expect("window_days", Integer.toString(windowDays), Integer.toString(meta.windowDays()), folder);
        expect("batch_id", DatasetMeta.batchId(network, date, windowDays), meta.batchId(), folder);
        meta.verify(input);
        Path groundTruth = folder.resolve(DatasetLayout.GROUND_TRUTH);
        if (!Files.isRegularFile(groundTruth)) {
            throw new NoSuchFileException(groundTruth.toString(), null, "snapshot has no ground truth");
        }
        return new Snapshot(folder, input, groundTruth, meta);
    }

    private static void expect(String field, String expected, String actual, Path folder) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException(folder + ": META.json " + field + " is " + actual + ", expected " + expected);
        }
    }
}
