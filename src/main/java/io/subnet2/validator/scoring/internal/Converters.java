package io.subnet2.validator.scoring.internal;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** Primitive converters that write a column's values into arrays by row, with no object per row. */
public final class Converters {

    private Converters() {
    }

    /** Refuses a string value longer than {@code maxBytes} (every string column of an output has a cap). */
    static void checkLength(int length, int maxBytes) {
        if (length > maxBytes) {
            throw new OutputRejectedException("a string of " + length + " bytes is above the limit of " + maxBytes);
        }
    }

    /** Reads a non-repeated column of {@code rows} rows; {@code nulls} receives the null rows. */
    public static void readFlat(ColumnReader reader, ColumnDescriptor column, Slot slot, int base, long rows) {
        int maxDef = column.getMaxDefinitionLevel();
        for (int r = 0; r < rows; r++) {
            slot.row = base + r;
            if (reader.getCurrentDefinitionLevel() == maxDef) {
                reader.writeCurrentValueToConverter();
            } else {
                slot.addNull();
            }
            reader.consume();
        }
    }

    /** A converter that knows the row it is writing. */
    public abstract static class Slot extends PrimitiveConverter {
        public int row;

        public abstract void addNull();
    }

    /** Integer values (any width) into a long array; nulls become {@code Long.MIN_VALUE}. */
    public static final class LongSlot extends Slot {
        private final long[] target;

        public LongSlot(long[] target) {
            this.target = target;
        }

        @Override
        public void addLong(long value) {
            target[row] = value;
        }

        @Override
        public void addInt(int value) {
            target[row] = value;
        }

        @Override
        public void addNull() {
            target[row] = Long.MIN_VALUE;
        }
    }

    /**
     * USD amounts (double, float, or decimal of any physical type) into a double array (NaN for
     * null), and optionally the exact threshold-band mask of each value.
     */
    public static final class UsdSlot extends Slot {
        private final double[] target;
        private final byte[] bands;
        private final Decimals.Bands bandBounds;
        private final int scale;
        private final double divisor;
        private final ByteTable.View view = new ByteTable.View();

        public UsdSlot(double[] target, byte[] bands, Decimals.Bands bandBounds, int scale) {
            this.target = target;
            this.bands = bands;
            this.bandBounds = bandBounds;
            this.scale = scale;
            this.divisor = Decimals.pow10(scale);
        }

        /** Whether a column type can hold a USD amount. */
        public static boolean accepts(PrimitiveType type) {
            PrimitiveTypeName name = type.getPrimitiveTypeName();
            return name == PrimitiveTypeName.DOUBLE || name == PrimitiveTypeName.FLOAT
                    || Decimals.scale(type) >= 0 && name != PrimitiveTypeName.BOOLEAN;
        }

        @Override
        public void addDouble(double value) {
            set(value, bandBounds == null ? 0 : bandBounds.mask(value));
        }

        @Override
        public void addFloat(float value) {
            addDouble(value);
        }

        @Override
        public void addLong(long value) {
            set(value / divisor, bandBounds == null ? 0 : bandBounds.mask(value < 0 ? -1 : 0, value));
        }

        @Override
        public void addInt(int value) {
            addLong(value);
        }

        @Override
        public void addBinary(Binary value) {
            view.of(value);
            addBytes(view.bytes, view.off, view.len);
        }

        /** A big-endian two's-complement unscaled decimal at {@code bytes[off, off + len)}. */
        public void addBytes(byte[] bytes, int off, int len) {
            if (len <= 16) {
                long hi = Decimals.hi(bytes, off, len);
                long lo = Decimals.lo(bytes, off, len);
                set(Decimals.toDouble(hi, lo, scale), bandBounds == null ? 0 : bandBounds.mask(hi, lo));
            } else {
                double usd = Decimals.toDouble(bytes, off, len, scale);
                set(usd, bandBounds == null ? 0 : bandBounds.mask(usd));
            }
        }

        private void set(double usd, int mask) {
            target[row] = usd;
            if (bands != null) {
                bands[row] = (byte) mask;
            }
        }

        @Override
        public void addNull() {
            target[row] = Double.NaN;
            if (bands != null) {
                bands[row] = 0;
            }
        }
    }

    /** Small string columns (labels, ground truth) materialised as Strings; integers as their decimal text. */
    public static final class StringSlot extends Slot {
        private final String[] target;
        private final int maxBytes;

        public StringSlot(String[] target, int maxBytes) {
            this.target = target;
            this.maxBytes = maxBytes;
        }

        @Override
        public void addBinary(Binary value) {
            checkLength(value.length(), maxBytes);
            target[row] = value.toStringUsingUTF8();
        }

        @Override
        public void addLong(long value) {
            target[row] = Long.toString(value);
        }

        @Override
        public void addInt(int value) {
            target[row] = Integer.toString(value);
        }

        @Override
        public void addNull() {
            target[row] = null;
        }
    }
}
