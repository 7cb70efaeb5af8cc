package io.subnet2.validator.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.subnet2.validator.dataset.internal.AtomicDirectory;

/** Generates small datasets once per test JVM (several test classes read the same ones). */
final class TestDatasets {

    private static final Map<String, GeneratedDataset> CACHE = new ConcurrentHashMap<>();
    private static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("dataset-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                AtomicDirectory.deleteRecursively(ROOT);
            } catch (IOException ignored) {
                // best effort
            }
        }));
    }

    private TestDatasets() {
    }

    /** 40,000 ethereum transfers over 7 days, seed 7. */
    static GeneratedDataset ethereum() {
        return get(7, 40_000, "ethereum", LocalDate.of(2025, 1, 15), 7);
    }

    /** 12,000 bitcoin transfers (10-minute blocks) over a single day, seed 11. */
    static GeneratedDataset bitcoinOneDay() {
        return get(11, 12_000, "bitcoin", LocalDate.of(2024, 3, 1), 1);
    }

    static synchronized GeneratedDataset get(long seed, long transfers, String network, LocalDate date, int days) {
        String key = seed + "-" + transfers + "-" + network + "-" + date + "-" + days;
        return CACHE.computeIfAbsent(key, k -> new DatasetGenerator().generate(
                new GenerationRequest(ROOT.resolve(k), seed, transfers, network, date, days)));
    }

    static Path newFolder(String name) {
        try {
            return Files.createTempDirectory(ROOT, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
