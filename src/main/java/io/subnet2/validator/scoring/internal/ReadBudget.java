package io.subnet2.validator.scoring.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.schema.PrimitiveType;

import io.subnet2.validator.scoring.ScoringProperties.Limits;

/**
 * What reading one run's output may cost, over all its files together: decompressed bytes
 * ({@code max-decompressed-bytes}) and data pages ({@value #MAX_PAGES}). It also refuses a data page
 * that declares more bytes than its values can hold (a page of zero values that decompresses to
 * 64 MiB, repeated, would otherwise be kept in memory with its chunk).
 *
 * <p>The run's budget is installed for the scoring of one run ({@link #forRun}) and inherited by the
 * threads the scorer starts; a file read outside a run (the platform's dataset) gets a budget of its own.
 */
public final class ReadBudget {

    /** Data pages one run's output may hold in all; an honest output of millions of rows has a few thousand. */
    public static final long MAX_PAGES = 100_000;
    /** Bytes a page may hold beyond its values: level and encoding headers. */
    static final long PAGE_SLACK = 1024;
    /** Per value beyond its own bytes: repetition/definition levels and RLE run headers, generously. */
    static final long VALUE_OVERHEAD = 16;

    private static final InheritableThreadLocal<ReadBudget> RUN = new InheritableThreadLocal<>();

    private final AtomicLong bytes;
    private final AtomicLong pages = new AtomicLong(MAX_PAGES);
    private final int maxStringBytes;

    private ReadBudget(Limits limits) {
        this.bytes = new AtomicLong(limits.maxDecompressedBytes());
        this.maxStringBytes = limits.maxStringBytes();
    }

    /** The span of one run's budget. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A run's budget, in force on this thread (and threads it starts) until the scope is closed. */
    public static Scope forRun(Limits limits) {
        ReadBudget previous = RUN.get();
        RUN.set(new ReadBudget(limits));
        return () -> RUN.set(previous);
    }

    /** The current run's budget, or a fresh one for a file read outside a run. */
    static ReadBudget current(Limits limits) {
        ReadBudget run = RUN.get();
        return run != null ? run : new ReadBudget(limits);
    }

    /** Takes {@code decompressedSize} bytes; throws when the run's budget is spent. */
    void admitBytes(String label, int decompressedSize) {
        if (bytes.addAndGet(-decompressedSize) < 0) {
            throw new OutputRejectedException(label + ": decompressed data exceeds the limit"
                    + " (decompression bomb or oversized output)");
        }
    }

    /** Takes one data page of {@code column}; refuses pages beyond the run's count or their values' size. */
    void admitPage(String label, ColumnDescriptor column, DataPage page) {
        if (pages.decrementAndGet() < 0) {
            throw new OutputRejectedException(label + ": the output has more than " + MAX_PAGES + " data pages");
        }
        long values = Math.max(0, page.getValueCount());
        long most = values * (valueBytes(column.getPrimitiveType()) + VALUE_OVERHEAD) + PAGE_SLACK;
        if (page.getUncompressedSize() > most) {
            throw new OutputRejectedException(label + ": a data page of " + String.join(".", column.getPath())
                    + " holds " + values + " values but declares " + page.getUncompressedSize()
                    + " bytes (at most " + most + ")");
        }
    }

    private long valueBytes(PrimitiveType type) {
        return switch (type.getPrimitiveTypeName()) {
            case BINARY -> 4L + maxStringBytes;
            case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
            case INT96 -> 12;
            default -> 8;
        };
    }
}
