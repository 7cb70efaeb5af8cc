package io.subnet2.validator.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.dataset.internal.AtomicDirectory;

/**
 * Where tournament datasets live: {@code {root}/{tournament}/{epoch}/{network}/{date}/}, each one
 * generated (or imported from a snapshot) once, into a temporary folder renamed into place, so a
 * run never sees a half-written dataset. Safe to call from several threads and several validator
 * instances sharing the folder: the loser of a rename race uses the winner's (identical) dataset.
 */
public class DatasetStore {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetStore.class);

    private final DatasetProperties properties;
    private final DatasetSecret secret;
    private final DatasetGenerator generator;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();

    /** {@code secret} keys every dataset (its seed and its contents); {@code properties.secret()} is not read. */
    public DatasetStore(DatasetProperties properties, DatasetSecret secret, DatasetGenerator generator) {
        this.properties = properties;
        this.secret = secret;
        this.generator = generator;
    }

    public Path folder(UUID tournamentId, long epoch, String network, LocalDate date) {
        return properties.root().resolve(tournamentId.toString()).resolve(Long.toString(epoch))
                .resolve(network).resolve(date.toString()).toAbsolutePath().normalize();
    }

    /** The dataset when it is already in place. */
    public Optional<DatasetLayout> find(UUID tournamentId, long epoch, String network, LocalDate date) {
        DatasetLayout layout = new DatasetLayout(folder(tournamentId, epoch, network, date));
        return Files.isRegularFile(layout.meta()) ? Optional.of(layout) : Optional.empty();
    }

    /**
     * Returns the dataset of (tournament, epoch, network, date), creating it first when missing: from
     * the matching snapshot when {@code snapshots-dir} has one, else generated from
     * {@link DatasetSeed#of} with the configured size and window. Idempotent.
     */
    public DatasetLayout ensure(UUID tournamentId, long epoch, String network, LocalDate date) {
        Path folder = folder(tournamentId, epoch, network, date);
        synchronized (locks.computeIfAbsent(folder, f -> new Object())) {
            Optional<DatasetLayout> existing = find(tournamentId, epoch, network, date);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                if (!importSnapshot(folder, network, date)) {
                    long seed = DatasetSeed.of(secret, tournamentId, epoch, network, date).value();
                    GeneratedDataset dataset = generator.generate(new GenerationRequest(folder, seed,
                            properties.transfers(), network, date, properties.windowDays(), secret));
                    LOG.info("generated dataset {} ({} transfers, {} instances) in {} s", folder,
                            dataset.transfers(), dataset.instanceCount(), String.format("%.1f", dataset.seconds()));
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
                LOG.info("dataset {} was created concurrently; using it", folder);
            }
            return find(tournamentId, epoch, network, date).orElseThrow(
                    () -> new IllegalStateException("dataset " + folder + " missing after creation"));
        }
    }

    private boolean importSnapshot(Path folder, String network, LocalDate date) {
        if (properties.snapshotsDir() == null) {
            return false;
        }
        SnapshotReader reader = new SnapshotReader(properties.snapshotsDir());
        try {
            Optional<SnapshotReader.Snapshot> snapshot = reader.find(network, date, properties.windowDays());
            if (snapshot.isEmpty()) {
                return false;
            }
            AtomicDirectory.publish(folder, temp -> {
                DatasetLayout layout = new DatasetLayout(temp);
                Files.createDirectories(layout.input());
                for (String file : DatasetMeta.HASHED_FILES) {
                    Files.copy(snapshot.get().input().resolve(file), layout.input().resolve(file));
                }
                Files.copy(snapshot.get().input().resolve(DatasetLayout.META), layout.meta());
                Files.copy(snapshot.get().groundTruth(), layout.groundTruth());
                DatasetMeta.read(layout.meta()).verify(layout.input());
                return layout;
            });
            LOG.info("imported snapshot {} into {}", snapshot.get().folder(), folder);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot import into " + folder + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes temporary folders left by a process that died while writing a dataset (lifecycle.md
     * "Crash safety"). Only folders untouched for {@code minAge} are deleted, so a dataset being
     * written right now by this or another instance sharing the folder is left alone.
     *
     * @return the folders deleted
     */
    public List<Path> deleteIncomplete(Duration minAge) {
        Path root = properties.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Instant cutoff = Instant.now().minus(minAge);
        try (Stream<Path> walk = Files.walk(root, 4)) {
            List<Path> temporary = walk.filter(Files::isDirectory).filter(AtomicDirectory::isTemporary)
                    .filter(folder -> lastModified(folder).isBefore(cutoff)).toList();
            for (Path folder : temporary) {
                AtomicDirectory.deleteRecursively(folder);
                LOG.info("deleted incomplete dataset folder {}", folder);
            }
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant lastModified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // vanished or unreadable: leave it
        }
    }
}
