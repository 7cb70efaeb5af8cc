package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {

    private static final UUID TOURNAMENT = UUID.fromString("0b7f7c1e-2f4e-4d8b-a6a1-5d7f0e9c3a21");
    private static final LocalDate DATE = LocalDate.of(2025, 1, 15);
    private static final DatasetSecret SECRET = new DatasetSecret("store-test-secret-0123456789");

    @TempDir
    Path dir;

    private DatasetStore store(Path snapshots) {
        return new DatasetStore(new DatasetProperties(2_000L, 7, null, dir.resolve("datasets"), snapshots), SECRET,
                new DatasetGenerator());
    }

    @Test
    void generatesOnceWithTheHmacSeedAndIsIdempotent() throws IOException {
        DatasetStore store = store(null);
        assertThat(store.find(TOURNAMENT, 2, "ethereum", DATE)).isEmpty();
        DatasetLayout layout = store.ensure(TOURNAMENT, 2, "ethereum", DATE);
        assertThat(layout.root()).isEqualTo(dir.resolve("datasets").resolve(TOURNAMENT.toString())
                .resolve("2/ethereum/2025-01-15").toAbsolutePath());
        FileTime written = Files.getLastModifiedTime(layout.transfers());
        assertThat(store.ensure(TOURNAMENT, 2, "ethereum", DATE)).isEqualTo(layout);
        assertThat(Files.getLastModifiedTime(layout.transfers())).isEqualTo(written);

        long seed = DatasetSeed.of(SECRET, TOURNAMENT, 2, "ethereum", DATE).value();
        GeneratedDataset expected = new DatasetGenerator().generate(
                new GenerationRequest(dir.resolve("expected"), seed, 2_000, "ethereum", DATE, 7, SECRET));
        assertThat(DatasetMeta.read(layout.meta())).isEqualTo(expected.meta());
        assertThat(store.ensure(TOURNAMENT, 3, "ethereum", DATE).meta())
                .satisfies(meta -> assertThat(DatasetMeta.read(meta).sha256()).isNotEqualTo(expected.meta().sha256()));
    }

    @Test
    void importsAMatchingSnapshotInsteadOfGenerating() throws IOException {
        Path data = dir.resolve("data");
        SnapshotReaderTest.snapshot(data, "7", true);
        DatasetLayout layout = store(data).ensure(TOURNAMENT, 0, "ethereum", DATE);
        DatasetMeta meta = DatasetMeta.read(layout.meta());
        assertThat(meta.transfers()).isEqualTo(3_000); // the snapshot's size, not the configured 2,000
        meta.verify(layout.input());
        assertThat(layout.groundTruth()).isRegularFile();
    }

    @Test
    void aCorruptSnapshotFailsWithoutLeavingAFolder() throws IOException {
        Path data = dir.resolve("data");
        Path folder = SnapshotReaderTest.snapshot(data, "7", true);
        Files.delete(folder.resolve("assets.parquet"));
        DatasetStore store = store(data);
        assertThatThrownBy(() -> store.ensure(TOURNAMENT, 0, "ethereum", DATE))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("assets.parquet");
        assertThat(store.find(TOURNAMENT, 0, "ethereum", DATE)).isEmpty();
    }

    @Test
    void deletesOnlyStaleTemporaryFolders() throws IOException {
        DatasetStore store = store(null);
        Path parent = store.folder(TOURNAMENT, 1, "ethereum", DATE).getParent();
        Path stale = Files.createDirectories(parent.resolve(".2025-01-15.tmp-dead"));
        Files.writeString(stale.resolve("half.parquet"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path fresh = Files.createDirectories(parent.resolve(".2025-01-16.tmp-busy"));
        assertThat(store.deleteIncomplete(Duration.ofHours(1))).containsExactly(stale);
        assertThat(stale).doesNotExist();
        assertThat(fresh).isDirectory();
    }

    @Test
    void propertiesHaveDefaults() {
        DatasetProperties defaults = DatasetProperties.defaults();
        assertThat(defaults.transfers()).isEqualTo(100_000L);
        assertThat(defaults.windowDays()).isEqualTo(7);
        assertThat(defaults.secret()).isNull();
        assertThat(defaults.snapshotsDir()).isNull();
    }
}
