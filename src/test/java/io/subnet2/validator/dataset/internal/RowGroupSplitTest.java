package io.subnet2.validator.dataset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.GenerationRequest;

/** Parts written by parallel writers and concatenated hold the same rows as one row group. */
class RowGroupSplitTest {

    @TempDir
    Path dir;

    private static List<String> rows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get()).build()) {
            GenericRecord r;
            while ((r = reader.read()) != null) {
                rows.add(r.toString());
            }
        }
        return rows;
    }

    private static List<Long> rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getBlocks().stream().map(BlockMetaData::getRowCount).toList();
        }
    }

    @Test
    void splittingIntoRowGroupsChangesLayoutButNotRows() throws IOException {
        GenerationRequest request = GenerationRequest.of(dir.resolve("x"), 21, 10_000);
        Path whole = Files.createDirectory(dir.resolve("whole"));
        Path split = Files.createDirectory(dir.resolve("split"));
        DatasetWriter.write(whole, request);
        DatasetWriter.write(split, request, 3_000);
        Path wholeFile = new DatasetLayout(whole).transfers();
        Path splitFile = new DatasetLayout(split).transfers();
        assertThat(rowGroups(wholeFile)).containsExactly(10_000L);
        assertThat(rowGroups(splitFile)).containsExactly(3_000L, 3_000L, 3_000L, 1_000L);
        assertThat(rows(splitFile)).isEqualTo(rows(wholeFile));
        try (ParquetFileReader a = ParquetFileReader.open(new LocalInputFile(wholeFile));
             ParquetFileReader b = ParquetFileReader.open(new LocalInputFile(splitFile))) {
            assertThat(b.getFooter().getFileMetaData().getKeyValueMetaData())
                    .isEqualTo(a.getFooter().getFileMetaData().getKeyValueMetaData())
                    .containsKey("parquet.avro.schema");
        }
        try (Stream<Path> files = Files.list(new DatasetLayout(split).input())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".part-"));
        }
    }
}
