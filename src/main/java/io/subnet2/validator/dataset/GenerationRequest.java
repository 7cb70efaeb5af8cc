package io.subnet2.validator.dataset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to generate: {@code transfers} rows (1,000 to 100,000,000) for {@code network} over the
 * {@code windowDays} UTC days ending with {@code processingDate}, written to the folder {@code out}
 * (which must not exist yet). The output is a function of (secret, seed) and the other fields.
 */
public record GenerationRequest(Path out, long seed, long transfers, String network, LocalDate processingDate,
                                int windowDays, DatasetSecret secret) {

    public static final long MIN_TRANSFERS = 1_000;
    public static final long MAX_TRANSFERS = 100_000_000;
    public static final int MAX_WINDOW_DAYS = 90;
    public static final String DEFAULT_NETWORK = "ethereum";
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2025, 1, 15);
    public static final int DEFAULT_WINDOW_DAYS = 7;
    private static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public GenerationRequest {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(processingDate, "processingDate");
        Objects.requireNonNull(secret, "secret");
        if (transfers < MIN_TRANSFERS || transfers > MAX_TRANSFERS) {
            throw new IllegalArgumentException(
                    "transfers must be in [" + MIN_TRANSFERS + ", " + MAX_TRANSFERS + "]: " + transfers);
        }
        if (!NETWORK.matcher(network).matches()) {
            throw new IllegalArgumentException("network must match " + NETWORK + ": " + network);
        }
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("window days must be in [1, " + MAX_WINDOW_DAYS + "]: " + windowDays);
        }
        if (processingDate.getYear() < 2010 || processingDate.getYear() > 2200) {
            throw new IllegalArgumentException("processing date out of range: " + processingDate);
        }
    }

    /** With the public development secret: for tests and local experiments only, never for a tournament. */
    public GenerationRequest(Path out, long seed, long transfers, String network, LocalDate processingDate,
                             int windowDays) {
        this(out, seed, transfers, network, processingDate, windowDays, DatasetSecret.DEVELOPMENT);
    }

    /** ethereum, {@link #DEFAULT_DATE}, {@link #DEFAULT_WINDOW_DAYS} days, the public development secret (tests). */
    public static GenerationRequest of(Path out, long seed, long transfers) {
        return new GenerationRequest(out, seed, transfers, DEFAULT_NETWORK, DEFAULT_DATE, DEFAULT_WINDOW_DAYS);
    }
}
