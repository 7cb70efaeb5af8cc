package io.subnet2.validator.scoring.internal;

import java.util.Arrays;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import io.subnet2.validator.dataset.PatternType;

/** Converters for the columns of patterns files: type ordinals, interned ids and address lists. */
final class PatternSlots {

    private PatternSlots() {
    }

    /** pattern_type to PatternType ordinal, -1 when unknown or null. */
    static final class TypeSlot extends Converters.Slot {
        final byte[] target;
        private final int maxBytes;
        private byte[] dictionary = new byte[0];

        TypeSlot(int rows, int maxBytes) {
            this.target = new byte[rows];
            this.maxBytes = maxBytes;
        }

        private byte ordinal(Binary value) {
            Converters.checkLength(value.length(), maxBytes);
            return (byte) PatternType.fromId(value.toStringUsingUTF8()).map(Enum::ordinal).orElse(-1).intValue();
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dict) {
            dictionary = new byte[dict.getMaxId() + 1];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = ordinal(dict.decodeToBinary(i));
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            target[row] = dictionary[dictionaryId];
        }

        @Override
        public void addBinary(Binary value) {
            target[row] = ordinal(value);
        }

        @Override
        public void addNull() {
            target[row] = -1;
        }
    }

    /** pattern_id interned in a per-run table, -1 when null. */
    static final class IdSlot extends Converters.Slot {
        final int[] target;
        private final ByteTable table;
        private final int maxBytes;
        private final ByteTable.View view = new ByteTable.View();

        IdSlot(int rows, ByteTable table, int maxBytes) {
            this.target = new int[rows];
            this.table = table;
            this.maxBytes = maxBytes;
        }

        @Override
        public void addBinary(Binary value) {
            Converters.checkLength(value.length(), maxBytes);
            view.of(value);
            target[row] = table.intern(view);
        }

        @Override
        public void addLong(long value) {
            addBinary(Binary.fromString(Long.toString(value)));
        }

        @Override
        public void addInt(int value) {
            addLong(value);
        }

        @Override
        public void addNull() {
            target[row] = -1;
        }
    }

    /**
     * confidence as a double: double, float, integer or decimal columns (any physical type); a null
     * value is 0 (integrity.md "Ranking"), NaN and infinities are kept for the scorer to refuse.
     */
    static final class ConfidenceSlot extends Converters.Slot {
        final double[] target;
        private final int scale;
        private final double divisor;
        private final int maxBytes;
        private final ByteTable.View view = new ByteTable.View();

        ConfidenceSlot(int rows, PrimitiveType type, int maxBytes) {
            this.target = new double[rows];
            this.scale = Math.max(0, Decimals.scale(type));
            this.divisor = Decimals.pow10(scale);
            this.maxBytes = maxBytes;
        }

        /** Numbers, and binary columns only as decimals. */
        static boolean accepts(PrimitiveType type) {
            return switch (type.getPrimitiveTypeName()) {
                case DOUBLE, FLOAT, INT32, INT64 -> true;
                case BINARY, FIXED_LEN_BYTE_ARRAY -> Decimals.scale(type) >= 0;
                default -> false;
            };
        }

        @Override
        public void addDouble(double value) {
            target[row] = value;
        }

        @Override
        public void addFloat(float value) {
            target[row] = value;
        }

        @Override
        public void addLong(long value) {
            target[row] = value / divisor;
        }

        @Override
        public void addInt(int value) {
            addLong(value);
        }

        @Override
        public void addBinary(Binary value) {
            Converters.checkLength(value.length(), maxBytes);
            view.of(value);
            target[row] = Decimals.toDouble(view.bytes, view.off, view.len, scale);
        }

        @Override
        public void addNull() {
            target[row] = 0;
        }
    }

    /** A list<string> column of addresses: per row a run of ids in {@link #values}. */
    static final class ListSlot extends Converters.Slot {
        final int[] rowStart;
        int[] values = new int[1024];
        int size;
        private final Interner names;
        private final ByteTable unknown;
        private final int maxBytes;
        private final long maxValues;
        private final ByteTable.View view = new ByteTable.View();

        ListSlot(int rows, Interner names, ByteTable unknown, int maxBytes, long maxValues) {
            this.rowStart = new int[rows + 1];
            this.names = names;
            this.unknown = unknown;
            this.maxBytes = maxBytes;
            this.maxValues = Math.min(maxValues, Integer.MAX_VALUE - 16);
        }

        /** Reads all level entries of the column chunk; rows are delimited by repetition level 0. */
        void readAll(ColumnReader reader, ColumnDescriptor column, int rows) {
            int maxDef = column.getMaxDefinitionLevel();
            int nullElement = column.getPrimitiveType().isRepetition(Type.Repetition.OPTIONAL) ? maxDef - 1 : -1;
            long entries = reader.getTotalValueCount();
            int current = -1;
            for (long v = 0; v < entries; v++) {
                if (reader.getCurrentRepetitionLevel() == 0) {
                    current++;
                    if (current >= rows) {
                        throw new OutputRejectedException("list column " + column + " has more rows than the file");
                    }
                    rowStart[current] = size;
                }
                int def = reader.getCurrentDefinitionLevel();
                if (def == maxDef) {
                    reader.writeCurrentValueToConverter();
                } else if (def == nullElement) {
                    append(-1);
                }
                reader.consume();
            }
            resolve();
            for (int r = current + 1; r <= rows; r++) {
                rowStart[r] = size;
            }
        }

        int length(int row) {
            return rowStart[row + 1] - rowStart[row];
        }

        private void append(int id) {
            if (size == values.length) {
                if (size >= maxValues) {
                    throw new OutputRejectedException("patterns list more than " + maxValues + " addresses");
                }
                values = Arrays.copyOf(values, (int) Math.min(maxValues, (long) size * 2));
            }
            values[size++] = id;
        }

        /** Keys waiting for one batched look-up: copied bytes, hashes, and where their ids go in {@link #values}. */
        private byte[] keyBytes = new byte[1 << 16];
        private int keyEnd;
        private int pending;
        private int[] keyOffs = new int[BATCH];
        private int[] keyLens = new int[BATCH];
        private long[] keyH1s = new long[BATCH];
        private int[] keyH2s = new int[BATCH];
        private int[] keyPositions = new int[BATCH];
        private final int[] found = new int[BATCH];
        private static final int BATCH = 1 << 14;

        @Override
        public void addBinary(Binary value) {
            Converters.checkLength(value.length(), maxBytes);
            view.of(value);
            if (keyEnd + view.len > keyBytes.length) {
                keyBytes = Arrays.copyOf(keyBytes, Math.max(keyBytes.length * 2, keyEnd + view.len));
            }
            System.arraycopy(view.bytes, view.off, keyBytes, keyEnd, view.len);
            keyOffs[pending] = keyEnd;
            keyLens[pending] = view.len;
            keyH1s[pending] = view.h1;
            keyH2s[pending] = view.h2;
            append(0);
            keyPositions[pending++] = size - 1;
            keyEnd += view.len;
            if (pending == BATCH) {
                resolve();
            }
        }

        /** Ids of the pending keys (dataset ids, or -2 - id among this run's unknown addresses), in order. */
        private void resolve() {
            names.findAll(keyBytes, keyOffs, keyLens, keyH1s, keyH2s, pending, found, view);
            for (int k = 0; k < pending; k++) {
                int id = found[k];
                if (id < 0) {
                    id = -2 - unknown.intern(view.set(keyBytes, keyOffs[k], keyLens[k], keyH1s[k], keyH2s[k]));
                }
                values[keyPositions[k]] = id;
            }
            pending = 0;
            keyEnd = 0;
        }

        @Override
        public void addNull() {
            append(-1);
        }
    }
}
