package io.subnet2.validator.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.subnet2.validator.dataset.internal.AtomicDirectory;
import io.subnet2.validator.dataset.internal.DatasetWriter;

/**
 * Generates a synthetic dataset (docs/dataset.md): {@code input/} with the five input files and
 * {@code ground_truth.parquet} beside it, written into a temporary sibling folder and renamed into
 * place, so the output folder is either absent or complete. Deterministic for a seed.
 */
public class DatasetGenerator {

    /**
     * @throws UncheckedIOException wrapping {@link java.nio.file.FileAlreadyExistsException} when the
     *                              output folder exists, or any write error
     */
    public GeneratedDataset generate(GenerationRequest request) {
        long started = System.nanoTime();
        try {
            DatasetWriter.Summary summary = AtomicDirectory.publish(request.out(),
                    folder -> DatasetWriter.write(folder, request));
            double seconds = (System.nanoTime() - started) / 1e9;
            Path out = request.out().toAbsolutePath().normalize();
            return new GeneratedDataset(new DatasetLayout(out), summary.meta(), summary.addresses(),
                    summary.instances(), summary.groundTruthRows(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("dataset generation into " + request.out() + " failed: " + e.getMessage(), e);
        }
    }
}
