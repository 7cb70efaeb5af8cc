package io.subnet2.validator.scoring.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;

/**
 * Address strings to int ids, either interned into one reading thread's {@link ByteTable}
 * ({@link #building}) or looked up among a dataset's addresses ({@link #lookingUp}, -1 when absent,
 * {@link #NULL_ID} for null).
 * A dictionary-encoded column is resolved once per dictionary entry, not once per row.
 */
public final class AddressSlot extends Converters.Slot {

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] target;
    private final ByteTable table;
    private final Interner names;
    private final int maxBytes;
    private final ByteTable.View view = new ByteTable.View();
    private int[] dictionaryIds = new int[0];
    private int[] offs = new int[0];
    private int[] lens = new int[0];
    private long[] h1s = new long[0];
    private int[] h2s = new int[0];
    public long nulls;
    /** Lookup mode: how many values were not found, and the first few of them. */
    public long unknown;
    public final List<String> unknownExamples = new ArrayList<>();

    private AddressSlot(int[] target, ByteTable table, Interner names, int maxBytes) {
        this.target = target;
        this.table = table;
        this.names = names;
        this.maxBytes = maxBytes;
    }

    /** Interns into {@code table}: ids are local to it until {@link Interner#merge}. */
    public static AddressSlot building(int[] target, ByteTable table, int maxBytes) {
        return new AddressSlot(target, table, null, maxBytes);
    }

    public static AddressSlot lookingUp(int[] target, Interner names, int maxBytes) {
        return new AddressSlot(target, null, names, maxBytes);
    }

    @Override
    public boolean hasDictionarySupport() {
        return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
        int n = dictionary.getMaxId() + 1;
        dictionaryIds = new int[n];
        for (int i = 0; i < n; i++) {
            dictionaryIds[i] = id(dictionary.decodeToBinary(i));
        }
    }

    /**
     * A PLAIN-encoded BYTE_ARRAY dictionary page of {@code count} entries (each a 4-byte
     * little-endian length, then the bytes), hashed where the entries lie: no object per entry.
     */
    void setPlainDictionary(ByteBuffer page, int count) {
        byte[] bytes = array(page);
        int pos = page.hasArray() ? page.arrayOffset() + page.position() : 0;
        parse(bytes, pos, pos + page.remaining(), count);
        dictionaryIds = new int[count];
        resolve(bytes, count, dictionaryIds);
    }

    /** The PLAIN values of one data page, for rows {@code [row, row + count)}; returns the end of their bytes. */
    int addPlainValues(byte[] bytes, int pos, int end, int row, int count) {
        int after = parse(bytes, pos, end, count);
        if (scratchIds.length < count) {
            scratchIds = new int[count];
        }
        resolve(bytes, count, scratchIds);
        System.arraycopy(scratchIds, 0, target, row, count);
        return after;
    }

    private int[] scratchIds = new int[0];

    private static byte[] array(ByteBuffer page) {
        if (page.hasArray()) {
            return page.array();
        }
        byte[] bytes = new byte[page.remaining()];
        page.duplicate().get(bytes);
        return bytes;
    }

    /** Splits and hashes {@code count} PLAIN byte arrays from {@code bytes[pos, end)}; returns where they end. */
    private int parse(byte[] bytes, int pos, int end, int count) {
        if (count < 0 || count > (end - pos) / 4) {
            // every value takes at least its 4-byte length: refuse before sizing arrays by the count
            throw new OutputRejectedException("a page declares " + count + " strings in " + (end - pos) + " bytes");
        }
        if (offs.length < count) {
            offs = new int[count];
            lens = new int[count];
            h1s = new long[count];
            h2s = new int[count];
        }
        for (int i = 0; i < count; i++) {
            int len = end - pos >= 4 ? (int) INTS.get(bytes, pos) : -1;
            pos += 4;
            if (len < 0 || len > end - pos) {
                throw new OutputRejectedException("a page is shorter than its " + count + " strings");
            }
            Converters.checkLength(len, maxBytes);
            view.of(bytes, pos, len);
            offs[i] = pos;
            lens[i] = len;
            h1s[i] = view.h1;
            h2s[i] = view.h2;
            pos += len;
        }
        return pos;
    }

    /** Ids of the keys just parsed: interned, or looked up in one batch (unknown ones counted). */
    private void resolve(byte[] bytes, int count, int[] ids) {
        if (table != null) {
            table.internAll(bytes, offs, lens, h1s, h2s, count, ids, view);
            return;
        }
        names.findAll(bytes, offs, lens, h1s, h2s, count, ids, view);
        for (int i = 0; i < count; i++) {
            if (ids[i] < 0) {
                noteUnknown(view.set(bytes, offs[i], lens[i], h1s[i], h2s[i]));
            }
        }
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
        target[row] = dictionaryIds[dictionaryId];
    }

    @Override
    public void addBinary(Binary value) {
        target[row] = id(value);
    }

    private int id(Binary value) {
        Converters.checkLength(value.length(), maxBytes);
        view.of(value);
        return table != null ? table.intern(view) : lookUp(view);
    }

    private int lookUp(ByteTable.View key) {
        int id = names.find(key);
        if (id < 0) {
            noteUnknown(key);
        }
        return id;
    }

    private void noteUnknown(ByteTable.View key) {
        unknown++;
        if (unknownExamples.size() < 5) {
            unknownExamples.add(key.toString());
        }
    }

    @Override
    public void addNull() {
        nulls++;
        target[row] = NULL_ID;
    }

    /** The id of a null value (an address not found is -1). */
    public static final int NULL_ID = -2;
}
