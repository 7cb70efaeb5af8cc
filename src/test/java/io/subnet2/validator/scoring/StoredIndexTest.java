package io.subnet2.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;

/** A stored transfer index scores every output exactly like an index built from the parquet files. */
class StoredIndexTest {

    @TempDir
    Path dir;

    private DatasetLayout layout;
    private Map<String, Path> outputs;

    @BeforeEach
    void dataset() throws Exception {
        SmallDataset small = new SmallDataset();
        layout = small.write(dir.resolve("dataset"));
        Path honest = dir.resolve("honest");
        small.writeHonestOutput(honest);
        outputs = new java.util.LinkedHashMap<>(RedTeamOutputs.create(honest, layout, dir.resolve("cheats"), 7));
        outputs.put("honest", honest);
    }

    @Test
    void storedIndexGivesTheSameScoresAsAFreshOne() throws Exception {
        ScoringProperties props = ScoringProperties.defaults();
        assertThat(ScoringDataset.hasStoredIndex(layout, props)).isFalse();
        ScoringDataset fresh = ScoringDataset.load(layout.input(), layout.groundTruth(), props);
        ScoringDataset built = ScoringDataset.loadStored(layout, props);
        assertThat(indexFiles()).hasSize(1);
        assertThat(ScoringDataset.hasStoredIndex(layout, props)).isTrue();
        ScoringDataset stored = ScoringDataset.loadStored(layout, props);
        assertThat(stored.addresses()).isEqualTo(fresh.addresses());
        assertThat(stored.transfers()).isEqualTo(fresh.transfers());
        assertThat(stored.instances()).isEqualTo(fresh.instances());
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            RunScore expected = score(fresh, output.getValue());
            assertThat(score(built, output.getValue())).as(output.getKey()).isEqualTo(expected);
            assertThat(score(stored, output.getValue())).as(output.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void damagedOrTruncatedIndexIsRebuilt() throws Exception {
        ScoringProperties props = ScoringProperties.defaults();
        ScoringDataset.loadStored(layout, props);
        Path file = indexFiles().get(0);
        RunScore expected = score(ScoringDataset.load(layout.input(), layout.groundTruth(), props),
                outputs.get("honest"));
        long size = Files.size(file);
        byte[] original = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55, 0x2a}), size / 2);
        }
        assertThat(score(ScoringDataset.loadStored(layout, props), outputs.get("honest"))).isEqualTo(expected);
        // rebuilt and stored again: the same bytes as the first time
        assertThat(Files.readAllBytes(file)).isEqualTo(original);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size / 3);
        }
        assertThat(score(ScoringDataset.loadStored(layout, props), outputs.get("honest"))).isEqualTo(expected);
        // rebuilt and stored again: the same bytes as the first time
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void otherThresholdsOrAReplacedDatasetFileNeverReuseAnIndex() throws Exception {
        ScoringProperties props = ScoringProperties.defaults();
        ScoringDataset.loadStored(layout, props);
        ScoringProperties other = ScoringProperties.fromJson(props.toJson()
                .replace("\"thresholdValues\":[10000,15000,50000,100000]", "\"thresholdValues\":[9000,20000]"));
        assertThat(other.rules().thresholdValues()).containsExactly(9_000L, 20_000L);
        assertThat(ScoringDataset.hasStoredIndex(layout, other)).isFalse();
        ScoringDataset.loadStored(layout, other);
        assertThat(indexFiles()).hasSize(2);

        for (Path file : List.of(layout.groundTruth(), layout.addressLabels(), layout.transfers())) {
            ScoringDataset.loadStored(layout, props);
            assertThat(ScoringDataset.hasStoredIndex(layout, props)).isTrue();
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000));
            assertThat(ScoringDataset.hasStoredIndex(layout, props)).as(file.toString()).isFalse();
        }
    }

    @Test
    void anUnwritableIndexFolderOnlyCostsARebuild() throws Exception {
        Files.writeString(layout.root().resolve(ScoringDataset.INDEX_DIR), "a file where the folder should be");
        ScoringProperties props = ScoringProperties.defaults();
        RunScore expected = score(ScoringDataset.load(layout.input(), layout.groundTruth(), props),
                outputs.get("honest"));
        assertThat(score(ScoringDataset.loadStored(layout, props), outputs.get("honest"))).isEqualTo(expected);
    }

    private static RunScore score(ScoringDataset dataset, Path output) {
        return RunScorer.score(dataset, output, PhaseTimes.unknown(), PhaseTimes.unknown());
    }

    private List<Path> indexFiles() throws Exception {
        try (Stream<Path> files = Files.list(layout.root().resolve(ScoringDataset.INDEX_DIR))) {
            return files.filter(f -> f.toString().endsWith(".idx")).sorted().toList();
        }
    }
}
