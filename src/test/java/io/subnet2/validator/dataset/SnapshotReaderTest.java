package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {

    private static final LocalDate DATE = LocalDate.of(2025, 1, 15);

    @TempDir
    Path data;

    private static GeneratedDataset source() {
        return TestDatasets.get(31, 3_000, "ethereum", DATE, 7);
    }

    /** Copies the generated dataset into the snapshot tree, nested (input/ + ground truth) or flat. */
    static Path snapshot(Path data, String window, boolean flat) throws IOException {
        DatasetLayout layout = source().layout();
        Path folder = data.resolve("synthetics/snapshots/ethereum/2025-01-15").resolve(window);
        Path input = flat ? folder : folder.resolve("input");
        Files.createDirectories(input);
        for (String file : DatasetMeta.HASHED_FILES) {
            Files.copy(layout.input().resolve(file), input.resolve(file));
        }
        Files.copy(layout.meta(), input.resolve(DatasetLayout.META));
        Files.copy(layout.groundTruth(), folder.resolve(DatasetLayout.GROUND_TRUTH));
        return folder;
    }

    @Test
    void readsANestedSnapshot() throws IOException {
        Path folder = snapshot(data, "7", false);
        SnapshotReader.Snapshot snapshot = new SnapshotReader(data).find("ethereum", DATE, 7).orElseThrow();
        assertThat(snapshot.folder()).isEqualTo(folder);
        assertThat(snapshot.input()).isEqualTo(folder.resolve("input"));
        assertThat(snapshot.meta()).isEqualTo(source().meta());
        assertThat(snapshot.groundTruth()).isRegularFile();
    }

    @Test
    void readsAFlatSnapshotUnderAWindowFolderNamedWithD() throws IOException {
        Path folder = snapshot(data, "7d", true);
        SnapshotReader.Snapshot snapshot = new SnapshotReader(data).find("ethereum", DATE, 7).orElseThrow();
        assertThat(snapshot.input()).isEqualTo(folder);
        assertThat(snapshot.meta().transfers()).isEqualTo(3_000);
    }

    @Test
    void absentSnapshotIsEmpty() throws IOException {
        snapshot(data, "7", false);
        SnapshotReader reader = new SnapshotReader(data);
        assertThat(reader.find("ethereum", DATE.plusDays(1), 7)).isEmpty();
        assertThat(reader.find("bitcoin", DATE, 7)).isEmpty();
        assertThat(reader.find("ethereum", DATE, 30)).isEmpty();
    }

    @Test
    void rejectsAMissingFile() throws IOException {
        Path folder = snapshot(data, "7", false);
        Files.delete(folder.resolve("input/address_labels.parquet"));
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("address_labels.parquet");
    }

    @Test
    void rejectsAMissingGroundTruthOrMeta() throws IOException {
        Path folder = snapshot(data, "7", false);
        Files.delete(folder.resolve(DatasetLayout.GROUND_TRUTH));
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("ground_truth");
        Files.delete(folder.resolve("input/META.json"));
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("META.json");
    }

    @Test
    void rejectsAFileWhoseSha256DiffersFromMeta() throws IOException {
        Path folder = snapshot(data, "7", false);
        Files.write(folder.resolve("input/transfers.parquet"), new byte[] {0}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(IOException.class).hasMessageContaining("sha256").hasMessageContaining("transfers.parquet");
    }

    @Test
    void rejectsAMetaForAnotherDateOrABrokenMeta() throws IOException {
        Path folder = snapshot(data, "7", false);
        Path meta = folder.resolve("input/META.json");
        Files.writeString(meta, Files.readString(meta).replace("2025-01-15", "2025-01-14"));
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(IOException.class).hasMessageContaining("processing_date");
        Files.writeString(meta, "{not json");
        assertThatThrownBy(() -> new SnapshotReader(data).find("ethereum", DATE, 7))
                .isInstanceOf(IOException.class).hasMessageContaining("invalid META.json");
    }
}
