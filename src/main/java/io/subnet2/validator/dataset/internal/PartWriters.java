package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Encodes full {@link TransferBatch}es into numbered parquet parts on a few writer threads. A part's
 * bytes depend only on its batch, so the output does not depend on thread timing; at most
 * {@code threads + 1} batches exist, which bounds memory. Parts are deleted on close.
 */
final class PartWriters implements AutoCloseable {

    private final Path file;
    private final BlockingQueue<TransferBatch> free;
    private final ExecutorService pool;
    private final Supplier<TransferWriter> writers;
    private final List<Path> parts = new ArrayList<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private TransferBatch current;

    PartWriters(Path file, int batchRows, int threads, Supplier<TransferWriter> writers) {
        this.file = file;
        this.writers = writers;
        this.free = new ArrayBlockingQueue<>(threads + 1);
        for (int i = 0; i <= threads; i++) {
            free.add(new TransferBatch(batchRows));
        }
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "dataset-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The batch to add the next row to; blocks while every batch is being written. */
    TransferBatch batch() throws IOException, InterruptedException {
        if (current != null && current.full()) {
            submit(current);
            current = null;
        }
        if (current == null) {
            current = free.take();
        }
        return current;
    }

    /** Writes the last batch, waits for every part and returns them in order. */
    List<Path> finish() throws IOException, InterruptedException {
        if (current != null && current.size > 0) {
            submit(current);
        }
        current = null;
        for (Future<?> future : pending) {
            await(future);
        }
        return List.copyOf(parts);
    }

    private void submit(TransferBatch batch) throws IOException, InterruptedException {
        for (Future<?> future : pending) {
            if (future.isDone()) {
                await(future); // surface a writer failure early
            }
        }
        Path part = file.resolveSibling(file.getFileName() + ".part-" + String.format(Locale.ROOT, "%05d", parts.size()));
        parts.add(part);
        pending.add(pool.submit(() -> {
            try {
                writers.get().write(batch, part);
            } finally {
                batch.size = 0;
                free.add(batch);
            }
            return null;
        }));
    }

    private static void await(Future<?> future) throws IOException, InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Path part : parts) {
            Files.deleteIfExists(part);
        }
    }
}
