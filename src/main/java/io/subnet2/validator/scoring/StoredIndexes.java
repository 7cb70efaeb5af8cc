package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.internal.IndexedDataset;

/**
 * Indexed datasets stored in a dataset folder, one file per (dataset files, band thresholds, flagged
 * rules): the key names each file's size, modification time and file key, so a replaced file or
 * another configuration never reuses a stale index. A stored index that cannot be read is rebuilt; one that
 * cannot be written only costs the next load a rebuild.
 */
final class StoredIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(StoredIndexes.class);
    private static final int FORMAT = 2; // 2: instances carry their pattern_type

    private StoredIndexes() {
    }

    static boolean exists(Path dir, Path input, Path groundTruth, ScoringProperties properties) {
        return Files.isRegularFile(file(dir, key(input, groundTruth, properties)), LinkOption.NOFOLLOW_LINKS);
    }

    static IndexedDataset loadOrBuild(Path dir, Path input, Path groundTruth, ScoringProperties properties,
                                      Supplier<IndexedDataset> build) {
        String key = key(input, groundTruth, properties);
        Path file = file(dir, key);
        IndexedDataset stored = IndexFile.read(file, key);
        if (stored != null) {
            return stored;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("stored transfer index {} is unusable (damaged or another format); rebuilding it", file);
        }
        IndexedDataset built = build.get();
        try {
            IndexFile.write(file, key, built, properties.readThreads());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot store the transfer index {}: {}", file, e.toString());
        }
        return built;
    }

    private static Path file(Path dir, String key) {
        return dir.resolve("transfers-" + digest(key) + ".idx");
    }

    private static String key(Path input, Path groundTruth, ScoringProperties properties) {
        ScoringProperties.Rules rules = properties.rules();
        return "format=" + FORMAT + ";transfers=" + identity(input.resolve(DatasetLayout.TRANSFERS))
                + ";labels=" + identity(input.resolve(DatasetLayout.ADDRESS_LABELS))
                + ";ground-truth=" + identity(groundTruth)
                + ";thresholds=" + rules.thresholdValues() + ";band-low=" + rules.thresholdBandLow()
                + ";flagged=" + rules.flaggedAddressType() + "/" + rules.flaggedRiskLevel();
    }

    /** Size, modification time and file key; "absent" for a missing file (labels are optional). */
    private static String identity(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            throw new OutputRejectedException(file.getFileName() + " cannot be read: " + e.getMessage());
        }
        return attrs.size() + "@" + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "@" + attrs.fileKey();
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
