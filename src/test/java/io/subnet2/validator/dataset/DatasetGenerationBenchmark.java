package io.subnet2.validator.dataset;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

import io.subnet2.validator.dataset.internal.AtomicDirectory;

/**
 * Generates a dataset of {@code args[0]} transfers (default 10,000,000) into a temporary folder and
 * prints seconds, rows/s, peak heap, file size and whether every address column chunk stayed
 * dictionary-encoded. Run: see docs/dataset.md.
 */
public final class DatasetGenerationBenchmark {

    private DatasetGenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long transfers = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path parent = Files.createTempDirectory("dataset-bench");
        Path out = parent.resolve("dataset");
        try {
            GeneratedDataset dataset = new DatasetGenerator().generate(GenerationRequest.of(out, 42L, transfers));
            long peakHeap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakHeap += pool.getPeakUsage().getUsed();
                }
            }
            boolean dictionary = true;
            int rowGroups = 0;
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(dataset.layout().transfers()))) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    rowGroups++;
                    for (ColumnChunkMetaData column : block.getColumns()) {
                        String name = column.getPath().toDotString();
                        if (name.endsWith("_address") || name.startsWith("asset_")) {
                            dictionary &= !column.getEncodingStats().hasNonDictionaryEncodedPages();
                        }
                    }
                }
            }
            System.out.printf(
                    "transfers=%d addresses=%d instances=%d seconds=%.1f rows_per_s=%.0f peak_heap_mib=%d "
                            + "transfers_file_mib=%d row_groups=%d address_columns_dictionary_only=%s%n",
                    dataset.transfers(), dataset.addresses(), dataset.instanceCount(), dataset.seconds(),
                    dataset.transfers() / dataset.seconds(), peakHeap >> 20,
                    Files.size(dataset.layout().transfers()) >> 20, rowGroups, dictionary);
        } finally {
            AtomicDirectory.deleteRecursively(parent);
        }
    }
}
