package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

import io.subnet2.validator.dataset.ChannelInputFile;
import io.subnet2.validator.scoring.ScoringProperties.Limits;

/**
 * A parquet file opened for bounded reading with parquet-mr's column API: refuses symbolic links,
 * non-regular files, oversized files and footers, too many row groups, and column chunks that lie
 * outside the file or decompress beyond the budget, all checked from the footer before any data
 * is read. One {@link ParquetFileReader} per reading thread ({@link #newReader()}).
 */
public final class ParquetSource {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final String label;
    private final ChannelInputFile input;
    private final ParquetMetadata footer;
    private final Limits limits;
    private final ReadBudget budget;
    private final long[] rowStart;

    private ParquetSource(String label, ChannelInputFile input, ParquetMetadata footer, Limits limits) {
        this.label = label;
        this.input = input;
        this.footer = footer;
        this.limits = limits;
        this.budget = ReadBudget.current(limits);
        List<BlockMetaData> blocks = footer.getBlocks();
        rowStart = new long[blocks.size() + 1];
        for (int i = 0; i < blocks.size(); i++) {
            rowStart[i + 1] = rowStart[i] + blocks.get(i).getRowCount();
        }
    }

    /** Checks the file itself and its footer; throws {@link OutputRejectedException} with the reason. */
    public static ParquetSource open(Path path, String label, Limits limits) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new OutputRejectedException(label + " is missing");
        } catch (IOException e) {
            throw new OutputRejectedException(label + " cannot be read: " + e.getMessage());
        }
        if (attrs.isSymbolicLink()) {
            throw new OutputRejectedException(label + " is a symbolic link, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw new OutputRejectedException(label + " is not a regular file");
        }
        long size = attrs.size();
        if (size > limits.maxFileBytes()) {
            throw new OutputRejectedException(label + " is " + size + " bytes, above the limit of "
                    + limits.maxFileBytes());
        }
        long footerLength = checkTrailer(path, label, size, limits);
        ChannelInputFile input = new ChannelInputFile(path, size);
        SchemaDepth.check(input, size, footerLength, label);
        ParquetMetadata footer;
        try (var stream = input.newStream()) {
            footer = ParquetFileReader.readFooter(input, ParquetReadOptions.builder().build(), stream);
        } catch (IOException | RuntimeException e) {
            throw new OutputRejectedException(label + " has an unreadable parquet footer: " + e.getMessage(), e);
        }
        if (footer.getBlocks().size() > limits.maxRowGroups()) {
            throw new OutputRejectedException(label + " has " + footer.getBlocks().size()
                    + " row groups, above the limit of " + limits.maxRowGroups());
        }
        return new ParquetSource(label, input, footer, limits);
    }

    /** Checks the trailer and returns the footer's length. */
    private static long checkTrailer(Path path, String label, long size, Limits limits) {
        if (size < 12) {
            throw new OutputRejectedException(label + " is not a parquet file (" + size + " bytes)");
        }
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            channel.position(size - 8);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // fill
            }
        } catch (IOException e) {
            throw new OutputRejectedException(label + " cannot be read: " + e.getMessage());
        }
        if (tail.hasRemaining() || tail.get(4) != MAGIC[0] || tail.get(5) != MAGIC[1] || tail.get(6) != MAGIC[2]
                || tail.get(7) != MAGIC[3]) {
            throw new OutputRejectedException(label + " is not a parquet file (no PAR1 trailer)");
        }
        long footerLength = tail.getInt(0) & 0xffffffffL;
        if (footerLength > size - 12) {
            throw new OutputRejectedException(label + " has a truncated or corrupt footer (declared "
                    + footerLength + " bytes)");
        }
        if (footerLength > limits.maxFooterBytes()) {
            throw new OutputRejectedException(label + " has a " + footerLength
                    + "-byte footer, above the limit of " + limits.maxFooterBytes());
        }
        return footerLength;
    }

    public String label() {
        return label;
    }

    public MessageType schema() {
        return footer.getFileMetaData().getSchema();
    }

    public int rowGroups() {
        return footer.getBlocks().size();
    }

    public long rows() {
        return rowStart[rowStart.length - 1];
    }

    public long rowStart(int rowGroup) {
        return rowStart[rowGroup];
    }

    /** Verifies, from the footer only, that the chunks of these columns are inside the file and within budget. */
    public void checkColumns(List<ColumnDescriptor> columns, long maxValuesPerColumn) {
        long dataEnd = input.getLength() - 8;
        long uncompressed = 0;
        Set<ColumnPath> wanted = new HashSet<>();
        columns.forEach(c -> wanted.add(ColumnPath.get(c.getPath())));
        for (BlockMetaData block : footer.getBlocks()) {
            if (block.getRowCount() < 0) {
                throw new OutputRejectedException(label + " has a row group with a negative row count");
            }
            long groupBytes = 0;
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (!wanted.contains(chunk.getPath())) {
                    continue;
                }
                long start = chunk.getStartingPos();
                if (start < 4 || chunk.getTotalSize() < 0 || start + chunk.getTotalSize() > dataEnd) {
                    throw new OutputRejectedException(label + ": column chunk " + chunk.getPath()
                            + " lies outside the file (truncated or corrupt)");
                }
                if (chunk.getValueCount() < 0 || chunk.getValueCount() > maxValuesPerColumn) {
                    throw new OutputRejectedException(label + ": column " + chunk.getPath() + " has "
                            + chunk.getValueCount() + " values, above the limit of " + maxValuesPerColumn);
                }
                uncompressed += Math.max(0, chunk.getTotalUncompressedSize());
                groupBytes += chunk.getTotalSize();
            }
            if (groupBytes > limits.maxRowGroupBytes()) {
                throw new OutputRejectedException(label + " has a row group of " + groupBytes
                        + " bytes in the read columns, above the limit of " + limits.maxRowGroupBytes());
            }
        }
        if (uncompressed > limits.maxDecompressedBytes()) {
            throw new OutputRejectedException(label + " declares " + uncompressed
                    + " uncompressed bytes, above the limit of " + limits.maxDecompressedBytes());
        }
    }

    /** A reader of its own (own file stream) for one thread, reading only these columns. */
    public ParquetFileReader newReader(List<ColumnDescriptor> columns) {
        ParquetReadOptions options = ParquetReadOptions.builder()
                .withCodecFactory(new GuardedCodecs(label, limits.maxPageBytes(), budget))
                .useStatsFilter(false).useDictionaryFilter(false).useRecordFilter(false)
                .useColumnIndexFilter(false).useBloomFilter(false)
                .build();
        try {
            ParquetFileReader reader = new ParquetFileReader(input, footer, options, input.newStream());
            reader.setRequestedSchema(columns);
            return reader;
        } catch (IOException | RuntimeException e) {
            throw new OutputRejectedException(label + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Column reader over one row group, delivering values to {@code leaf}. */
    public ColumnReader columnReader(PageReadStore pages, ColumnDescriptor column, PrimitiveConverter leaf) {
        GroupConverter root = new PathConverter(column.getPath().length, 0, leaf);
        return new ColumnReadStoreImpl(new GuardedPages(pages), root, schema(),
                footer.getFileMetaData().getCreatedBy()).getColumnReader(column);
    }

    /** The pages of one column chunk, with the same dictionary checks as {@link #columnReader}. */
    public PageReader pageReader(PageReadStore pages, ColumnDescriptor column) {
        return new GuardedPages(pages).getPageReader(column);
    }

    /** Walks the converter tree down the one requested path. */
    private static final class PathConverter extends GroupConverter {
        private final int depth;
        private final int level;
        private final PrimitiveConverter leaf;

        PathConverter(int depth, int level, PrimitiveConverter leaf) {
            this.depth = depth;
            this.level = level;
            this.leaf = leaf;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return level + 1 == depth ? leaf : new PathConverter(depth, level + 1, leaf);
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    /**
     * Refuses dictionaries declaring more entries than their bytes can hold or than the limit allows,
     * and data pages beyond the run's {@link ReadBudget}.
     */
    private final class GuardedPages implements PageReadStore {
        private final PageReadStore pages;

        GuardedPages(PageReadStore pages) {
            this.pages = pages;
        }

        @Override
        public PageReader getPageReader(ColumnDescriptor descriptor) {
            PageReader inner = pages.getPageReader(descriptor);
            return new PageReader() {
                @Override
                public DictionaryPage readDictionaryPage() {
                    DictionaryPage page = inner.readDictionaryPage();
                    if (page != null) {
                        long entries = page.getDictionarySize();
                        long bytes = page.getBytes().size();
                        if (entries < 0 || entries > limits.maxDictionaryEntries() || entries > bytes / 4 + 1) {
                            throw new OutputRejectedException(label + ": dictionary of " + descriptor
                                    + " declares " + entries + " entries in " + bytes + " bytes");
                        }
                    }
                    return page;
                }

                @Override
                public long getTotalValueCount() {
                    return inner.getTotalValueCount();
                }

                @Override
                public DataPage readPage() {
                    DataPage page = inner.readPage();
                    if (page != null) {
                        budget.admitPage(label, descriptor, page);
                    }
                    return page;
                }
            };
        }

        @Override
        public long getRowCount() {
            return pages.getRowCount();
        }
    }
}
