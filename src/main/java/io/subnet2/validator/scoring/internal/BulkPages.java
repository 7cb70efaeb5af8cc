package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one non-repeated column chunk through parquet-mr's page API (its page reader, codecs and
 * RLE / bit-packing decoder) in bulk: dictionary ids, PLAIN fixed-width values and PLAIN address
 * strings page by page,
 * without a {@code ColumnReader} per value. A chunk with anything else (DataPageV2, nulls, PLAIN
 * strings after a dictionary fallback, unexpected encodings, inconsistent counts) is replayed,
 * from the pages already read, through the per-value {@link Converters#readFlat} path.
 */
final class BulkPages {

    /** Column chunks read in bulk and replayed per value, since start (for tests and diagnostics). */
    static final LongAdder BULK = new LongAdder();
    static final LongAdder REPLAYED = new LongAdder();

    private BulkPages() {
    }

    /** Reads {@code rows} rows of {@code column} into {@code slot}; {@code fast = false} forces the per-value path. */
    static void read(ParquetSource source, PageReadStore pages, ColumnDescriptor column, Converters.Slot slot,
                     int base, long rows, boolean fast) {
        if (!fast) {
            Converters.readFlat(source.columnReader(pages, column, slot), column, slot, base, rows);
            return;
        }
        PageReader reader = source.pageReader(pages, column);
        DictionaryPage dictionary = materialize(reader.readDictionaryPage());
        List<DataPage> data = new ArrayList<>();
        long values = 0;
        for (DataPage page = reader.readPage(); page != null && values <= rows; page = reader.readPage()) {
            data.add(materialize(page));
            values += page.getValueCount();
        }
        boolean done;
        try {
            done = values == rows && decode(column, dictionary, data, slot, base);
        } catch (IOException | RuntimeException e) {
            if (e instanceof OutputRejectedException rejected) {
                throw rejected;
            }
            done = false;
        }
        if (done) {
            BULK.increment();
        } else {
            REPLAYED.increment();
            Replay replay = new Replay(dictionary, data, pages.getRowCount());
            Converters.readFlat(source.columnReader(replay, column, slot), column, slot, base, rows);
        }
    }

    private static boolean decode(ColumnDescriptor column, DictionaryPage dictionaryPage, List<DataPage> data,
                                  Converters.Slot slot, int base) throws IOException {
        if (column.getMaxRepetitionLevel() != 0) {
            return false;
        }
        int maxDef = column.getMaxDefinitionLevel();
        PrimitiveTypeName type = column.getPrimitiveType().getPrimitiveTypeName();
        int typeLength = column.getPrimitiveType().getTypeLength();
        Dictionary dictionary = null;
        int size = -1;
        int row = base;
        for (DataPage page : data) {
            if (!(page instanceof DataPageV1 v1)) {
                return false;
            }
            int count = v1.getValueCount();
            ByteBuffer buf = v1.getBytes().toByteBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int pos = buf.position();
            if (maxDef > 0) {
                if (v1.getDlEncoding() != Encoding.RLE || buf.limit() - pos < 4) {
                    return false;
                }
                int len = buf.getInt(pos);
                if (len < 0 || len > buf.limit() - pos - 4) {
                    return false;
                }
                RunLengthBitPackingHybridDecoder levels = new RunLengthBitPackingHybridDecoder(
                        BytesUtils.getWidthFromMaxInt(maxDef), stream(buf, pos + 4, len));
                for (int i = 0; i < count; i++) {
                    if (levels.readInt() != maxDef) {
                        return false;
                    }
                }
                pos += 4 + len;
            }
            int end = buf.limit();
            Encoding encoding = v1.getValueEncoding();
            if (encoding.usesDictionary()) {
                if (dictionaryPage == null || pos >= end) {
                    return false;
                }
                if (size < 0) {
                    if (slot instanceof AddressSlot addresses && plainStrings(type, dictionaryPage)) {
                        size = dictionaryPage.getDictionarySize();
                        addresses.setPlainDictionary(dictionaryPage.getBytes().toByteBuffer(), size);
                    } else {
                        dictionary = dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
                        if (slot.hasDictionarySupport()) {
                            slot.setDictionary(dictionary);
                        }
                        size = dictionary.getMaxId() + 1;
                    }
                }
                int width = buf.get(pos) & 0xff;
                if (width > 32) {
                    return false;
                }
                RunLengthBitPackingHybridDecoder ids = new RunLengthBitPackingHybridDecoder(width,
                        stream(buf, pos + 1, end - pos - 1));
                for (int i = 0; i < count; i++) {
                    int id = ids.readInt();
                    if (id < 0 || id >= size) {
                        return false;
                    }
                    slot.row = row + i;
                    if (!fromDictionary(type, dictionary, slot, id)) {
                        return false;
                    }
                }
            } else if (encoding != Encoding.PLAIN || !plain(type, typeLength, slot, buf, pos, end, row, count)) {
                return false;
            }
            row += count;
        }
        return true;
    }

    private static boolean plainStrings(PrimitiveTypeName type, DictionaryPage page) {
        return type == PrimitiveTypeName.BINARY
                && (page.getEncoding() == Encoding.PLAIN || page.getEncoding() == Encoding.PLAIN_DICTIONARY);
    }

    /** One dictionary-encoded value, as parquet-mr's column reader would deliver it to the slot. */
    private static boolean fromDictionary(PrimitiveTypeName type, Dictionary dictionary, Converters.Slot slot,
                                          int id) {
        if (slot.hasDictionarySupport()) {
            slot.addValueFromDictionary(id);
            return true;
        }
        switch (type) {
            case INT64 -> slot.addLong(dictionary.decodeToLong(id));
            case INT32 -> slot.addInt(dictionary.decodeToInt(id));
            case DOUBLE -> slot.addDouble(dictionary.decodeToDouble(id));
            case FLOAT -> slot.addFloat(dictionary.decodeToFloat(id));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> slot.addBinary(dictionary.decodeToBinary(id));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** PLAIN fixed-width values; false when the type or the page's size does not fit. */
    private static boolean plain(PrimitiveTypeName type, int typeLength, Converters.Slot slot, ByteBuffer buf,
                                 int pos, int end, int row, int count) {
        if (type == PrimitiveTypeName.BINARY && slot instanceof AddressSlot addresses && buf.hasArray()) {
            int base = buf.arrayOffset();
            addresses.addPlainValues(buf.array(), base + pos, base + end, row, count);
            return true;
        }
        int width = switch (type) {
            case INT64, DOUBLE -> 8;
            case INT32, FLOAT -> 4;
            case FIXED_LEN_BYTE_ARRAY -> slot instanceof Converters.UsdSlot ? typeLength : -1;
            default -> -1;
        };
        if (width <= 0 || (long) width * count > end - pos) {
            return false;
        }
        for (int i = 0; i < count; i++, pos += width) {
            slot.row = row + i;
            switch (type) {
                case INT64 -> slot.addLong(buf.getLong(pos));
                case DOUBLE -> slot.addDouble(buf.getDouble(pos));
                case INT32 -> slot.addInt(buf.getInt(pos));
                case FLOAT -> slot.addFloat(buf.getFloat(pos));
                default -> {
                    return fixed((Converters.UsdSlot) slot, buf, pos, width, row + i, count - i);
                }
            }
        }
        return true;
    }

    private static boolean fixed(Converters.UsdSlot slot, ByteBuffer buf, int pos, int width, int row, int count) {
        byte[] bytes;
        int off;
        if (buf.hasArray()) {
            bytes = buf.array();
            off = buf.arrayOffset() + pos;
        } else {
            bytes = new byte[width * count];
            buf.duplicate().position(pos).get(bytes);
            off = 0;
        }
        for (int i = 0; i < count; i++, off += width) {
            slot.row = row + i;
            slot.addBytes(bytes, off, width);
        }
        return true;
    }

    private static ByteBufferInputStream stream(ByteBuffer buf, int pos, int len) {
        ByteBuffer slice = buf.duplicate();
        slice.position(pos).limit(pos + len);
        return ByteBufferInputStream.wrap(slice.slice());
    }

    /** Pages whose bytes can be read more than once (a decompressed stream can be read only once). */
    private static DictionaryPage materialize(DictionaryPage page) {
        if (page == null) {
            return null;
        }
        try {
            return new DictionaryPage(BytesInput.from(page.getBytes().toByteBuffer()), page.getUncompressedSize(),
                    page.getDictionarySize(), page.getEncoding());
        } catch (IOException e) {
            throw new OutputRejectedException("cannot read a dictionary page: " + e.getMessage(), e);
        }
    }

    private static DataPage materialize(DataPage page) {
        try {
            if (page instanceof DataPageV1 v1) {
                return new DataPageV1(BytesInput.from(v1.getBytes().toByteBuffer()), v1.getValueCount(),
                        v1.getUncompressedSize(), v1.getStatistics(), v1.getRlEncoding(), v1.getDlEncoding(),
                        v1.getValueEncoding());
            }
            DataPageV2 v2 = (DataPageV2) page;
            return DataPageV2.uncompressed(v2.getRowCount(), v2.getNullCount(), v2.getValueCount(),
                    BytesInput.copy(v2.getRepetitionLevels()), BytesInput.copy(v2.getDefinitionLevels()),
                    v2.getDataEncoding(), BytesInput.copy(v2.getData()), v2.getStatistics());
        } catch (IOException e) {
            throw new OutputRejectedException("cannot read a data page: " + e.getMessage(), e);
        }
    }

    /** The chunk's pages again, for the per-value reader. */
    private record Replay(DictionaryPage dictionary, List<DataPage> data, long rowCount) implements PageReadStore {
        @Override
        public PageReader getPageReader(ColumnDescriptor descriptor) {
            return new PageReader() {
                private int next;

                @Override
                public DictionaryPage readDictionaryPage() {
                    return dictionary;
                }

                @Override
                public long getTotalValueCount() {
                    return data.stream().mapToLong(DataPage::getValueCount).sum();
                }

                @Override
                public DataPage readPage() {
                    return next < data.size() ? data.get(next++) : null;
                }
            };
        }

        @Override
        public long getRowCount() {
            return rowCount;
        }
    }
}
