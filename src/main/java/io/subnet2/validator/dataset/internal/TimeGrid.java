package io.subnet2.validator.dataset.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The window's block grid: {@code windowDays} UTC days ending with the processing date, one block
 * every {@code blockSeconds}; heights count blocks since {@link #REFERENCE_EPOCH_SECONDS}.
 */
public record TimeGrid(LocalDate firstDay, int days, int blockSeconds, long firstHeight, int blockCount,
                       long windowStartSeconds) {

    /** 2009-01-03T00:00:00Z: height 0 of every network's synthetic chain. */
    public static final long REFERENCE_EPOCH_SECONDS = 1_230_940_800L;
    public static final int DAY_SECONDS = 86_400;

    public static TimeGrid of(LocalDate processingDate, int windowDays, int blockSeconds) {
        LocalDate first = processingDate.minusDays(windowDays - 1L);
        long start = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long end = processingDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        if (start < REFERENCE_EPOCH_SECONDS) {
            throw new IllegalArgumentException("window starts before 2009-01-03: " + first);
        }
        long firstHeight = ceilDiv(start - REFERENCE_EPOCH_SECONDS, blockSeconds);
        long endHeight = ceilDiv(end - REFERENCE_EPOCH_SECONDS, blockSeconds);
        return new TimeGrid(first, windowDays, blockSeconds, firstHeight, Math.toIntExact(endHeight - firstHeight),
                start);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    public long height(int block) {
        return firstHeight + block;
    }

    public long timestampSeconds(int block) {
        return REFERENCE_EPOCH_SECONDS + (firstHeight + block) * blockSeconds;
    }

    public long timestampMs(int block) {
        return timestampSeconds(block) * 1000L;
    }

    /** Day of the window (0-based) the block falls in. */
    public int day(int block) {
        return (int) ((timestampSeconds(block) - windowStartSeconds) / DAY_SECONDS);
    }

    /** Blocks spanning at least {@code seconds} (at least 1). */
    public int blocks(long seconds) {
        return (int) Math.max(1, ceilDiv(seconds, blockSeconds));
    }

    /** Hour of day (0..23, UTC) of a block, for the diurnal activity curve. */
    public int hourOfDay(int block) {
        return (int) ((timestampSeconds(block) % DAY_SECONDS) / 3600);
    }
}
