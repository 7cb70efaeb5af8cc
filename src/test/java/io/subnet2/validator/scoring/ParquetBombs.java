package io.subnet2.validator.scoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import io.subnet2.validator.dataset.DatasetLayout;

/**
 * Parquet files that are small on disk and hostile to the reader (issue 12): a schema nested
 * tens of thousands of groups deep, and a column chunk of many zero-value pages that each
 * decompress to the page limit. {@link #main} scores bomb folders in a child JVM and prints the
 * peak heap of each, so the test can prove the heap stays bounded.
 */
public final class ParquetBombs {

    static final String[] INT_COLUMNS = {"degree_in", "degree_out", "tx_in_count", "tx_out_count",
        "unique_counterparties", "first_activity_timestamp", "last_activity_timestamp"};
    static final String[] USD_COLUMNS = {"total_in_usd", "total_out_usd"};

    private ParquetBombs() {
    }

    /** A footer-only file whose schema nests {@code depth} optional groups: about 8 bytes per level. */
    static void deepSchema(Path file, int depth) throws IOException {
        List<SchemaElement> elements = new ArrayList<>(depth + 2);
        elements.add(new SchemaElement("schema").setNum_children(1));
        for (int i = 0; i < depth; i++) {
            elements.add(new SchemaElement("g").setRepetition_type(FieldRepetitionType.OPTIONAL).setNum_children(1));
        }
        elements.add(new SchemaElement("v").setType(Type.INT32).setRepetition_type(FieldRepetitionType.OPTIONAL));
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(new FileMetaData(1, elements, 0, new ArrayList<>()), footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        footer.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, out.toByteArray());
    }

    /**
     * A features.parquet of one row whose address chunk starts with {@code pages} zstd pages that
     * hold no value and each declare {@code pageBytes} of zeros; written by parquet-mr's own file writer,
     * so the footer's sizes are honest about the pages.
     */
    static void zeroValuePages(Path file, int pages, int pageBytes, String address) throws IOException {
        Types.GroupBuilder<MessageType> builder = Types.buildMessage().required(PrimitiveTypeName.BINARY).named("address");
        for (String c : INT_COLUMNS) {
            builder.required(PrimitiveTypeName.INT64).named(c);
        }
        for (String c : USD_COLUMNS) {
            builder.required(PrimitiveTypeName.DOUBLE).named(c);
        }
        MessageType schema = builder.named("feature");
        byte[] zeros = com.github.luben.zstd.Zstd.compress(new byte[pageBytes], 19);
        ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(file), schema,
                ParquetFileWriter.Mode.OVERWRITE, 128L << 20, 0);
        writer.start();
        writer.startBlock(1);
        for (ColumnDescriptor column : schema.getColumns()) {
            writer.startColumn(column, 1, CompressionCodecName.ZSTD);
            boolean isAddress = column.getPath()[0].equals("address");
            for (int p = 0; isAddress && p < pages; p++) {
                writer.writeDataPage(0, pageBytes, BytesInput.from(zeros), Encoding.RLE, Encoding.BIT_PACKED,
                        Encoding.PLAIN);
            }
            byte[] value = isAddress ? lengthPrefixed(address) : new byte[8];
            writer.writeDataPage(1, value.length, BytesInput.from(com.github.luben.zstd.Zstd.compress(value)),
                    Encoding.RLE, Encoding.BIT_PACKED, Encoding.PLAIN);
            writer.endColumn();
        }
        writer.endBlock();
        writer.end(java.util.Map.of());
    }

    private static byte[] lengthPrefixed(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).put(bytes)
                .array();
    }

    /** args: dataset root, outputs root, folder names... Prints "name|minerFault|peakHeapBytes|error" per folder. */
    public static void main(String[] args) {
        DatasetLayout layout = new DatasetLayout(Path.of(args[0]));
        ScoringDataset dataset = ScoringDataset.load(layout.input(), layout.groundTruth(), ScoringProperties.defaults());
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        for (int i = 2; i < args.length; i++) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            RunScore score = RunScorer.score(dataset, Path.of(args[1]).resolve(args[i]), PhaseTimes.unknown(),
                    PhaseTimes.unknown());
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.println(args[i] + "|" + score.minerFault() + "|" + peak + "|" + after + "|" + score.error());
        }
    }
}
