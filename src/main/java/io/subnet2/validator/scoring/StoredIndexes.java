package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.scoring.internal.IndexFile;
import io.subnet2.validator.scoring.internal.OutputRejectedException;
import io.subnet2.validator.scoring.internal.TransferIndex;

/**
 * Transfer indexes stored in a dataset folder, one file per (transfers file, band thresholds): the
 * key names the file's size, modification time and file key, so a replaced transfers file or other
 * thresholds never reuse a stale index. A stored index that cannot be read is rebuilt; one that
 * cannot be written only costs the next load a rebuild.
 */
final class StoredIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(StoredIndexes.class);
    private static final int FORMAT = 1;

    private StoredIndexes() {
    }

    static boolean exists(Path dir, Path transfers, ScoringProperties properties) {
        return Files.isRegularFile(file(dir, key(transfers, properties)), LinkOption.NOFOLLOW_LINKS);
    }

    static TransferIndex loadOrBuild(Path dir, Path transfers, ScoringProperties properties,
                                     Supplier<TransferIndex> build) {
        String key = key(transfers, properties);
        Path file = file(dir, key);
        TransferIndex stored = IndexFile.read(file, key);
        if (stored != null) {
            return stored;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("stored transfer index {} is unusable (damaged or another format); rebuilding it", file);
        }
        TransferIndex index = build.get();
        try {
            IndexFile.write(file, key, index, properties.readThreads());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot store the transfer index {}: {}", file, e.toString());
        }
        return index;
    }

    private static Path file(Path dir, String key) {
        return dir.resolve("transfers-" + digest(key) + ".idx");
    }

    private static String key(Path transfers, ScoringProperties properties) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(transfers, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputRejectedException("transfers.parquet cannot be read: " + e.getMessage());
        }
        return "format=" + FORMAT + ";size=" + attrs.size()
                + ";modified-ns=" + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                + ";file=" + attrs.fileKey()
                + ";thresholds=" + properties.rules().thresholdValues()
                + ";band-low=" + properties.rules().thresholdBandLow();
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
