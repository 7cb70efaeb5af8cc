package io.subnet2.validator.scoring.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.parquet.io.api.Binary;

/**
 * Open-addressing hash table from byte strings to dense int ids (0, 1, 2, ... in insertion
 * order). Keys live in one byte arena, so interning a million addresses allocates no object per
 * address. Not thread-safe: each reading thread fills its own, {@link Interner} merges them.
 */
public final class ByteTable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final boolean trusted;
    private byte[] arena = new byte[1 << 16];
    private int[] offsets = new int[1025];
    /** Pairs {h1, h2 << 32 | (id + 1)}; id + 1 == 0 marks an empty slot. One probe, one cache line. */
    private long[] slots = new long[4096];
    private int size;
    /** Written so the JIT keeps the warm-up loads of {@link #internBatch}. */
    private long sink;

    /** A table whose keys are compared byte by byte. */
    public ByteTable() {
        this(false);
    }

    /**
     * @param trusted when true, {@link #intern} takes a 96-bit fingerprint match as equality and skips
     *                the byte comparison (for the platform's own data only; {@link #find} stays exact)
     */
    public ByteTable(boolean trusted) {
        this.trusted = trusted;
    }

    /** A table read back from its {@link #parts()} (see {@link IndexFile}). */
    ByteTable(Parts parts) {
        this.trusted = parts.trusted();
        this.arena = parts.arena();
        this.offsets = parts.offsets();
        this.slots = parts.slots();
        this.size = parts.size();
    }

    /** The arrays that make up a table; {@code offsets} has at least {@code size + 1} entries. */
    record Parts(boolean trusted, int size, byte[] arena, int[] offsets, long[] slots) {
    }

    Parts parts() {
        return new Parts(trusted, size, arena, offsets, slots);
    }

    public int size() {
        return size;
    }

    /** Id of the key, inserting it when absent. */
    public int intern(View v) {
        long[] table = slots;
        int mask = (table.length >> 1) - 1;
        int slot = (int) v.h1 & mask;
        long tag = (long) v.h2 << 32;
        while (true) {
            long second = table[2 * slot + 1];
            if (second == 0) {
                break;
            }
            if (table[2 * slot] == v.h1 && (second & 0xffffffff00000000L) == tag
                    && (trusted || equalsAt((int) second - 1, v))) {
                return (int) second - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = add(v);
        table[2 * slot] = v.h1;
        table[2 * slot + 1] = tag | (id + 1L);
        if (size * 2 > mask + 1) {
            rehash();
        }
        return id;
    }

    /** Id of the key or -1; always exact. */
    public int find(View v) {
        long[] table = slots;
        int mask = (table.length >> 1) - 1;
        int slot = (int) v.h1 & mask;
        long tag = (long) v.h2 << 32;
        while (true) {
            long second = table[2 * slot + 1];
            if (second == 0) {
                return -1;
            }
            if (table[2 * slot] == v.h1 && (second & 0xffffffff00000000L) == tag && equalsAt((int) second - 1, v)) {
                return (int) second - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Interns keys k in [0, n), each {@code bytes[offs[k], +lens[k])} with hashes h1s[k], h2s[k], writing
     * ids to {@code out[k]}. Keys go in groups of 16 whose slots are loaded first, independently of
     * each other, so their cache misses overlap.
     */
    public void internAll(byte[] bytes, int[] offs, int[] lens, long[] h1s, int[] h2s, int n, int[] out, View view) {
        long acc = 0;
        for (int b = 0; b < n; b += 16) {
            int end = Math.min(n, b + 16);
            long[] table = slots;
            int mask = (table.length >> 1) - 1;
            for (int k = b; k < end; k++) {
                acc += table[2 * ((int) h1s[k] & mask)];
            }
            for (int k = b; k < end; k++) {
                out[k] = intern(view.set(bytes, offs[k], lens[k], h1s[k], h2s[k]));
            }
        }
        sink += acc;
    }

    /**
     * Exact look-up of keys k in [0, n) given as in {@link #internAll}: {@code out[k]} is the id or -1.
     * In groups of 16, the keys' slots, then their candidates' offsets, then their bytes are loaded
     * before anything depends on them, so the cache misses of a group overlap.
     */
    public void findAll(byte[] bytes, int[] offs, int[] lens, long[] h1s, int[] h2s, int n, int[] out, View view) {
        long acc = 0;
        long[] table = slots;
        int mask = (table.length >> 1) - 1;
        for (int b = 0; b < n; b += 16) {
            int end = Math.min(n, b + 16);
            for (int k = b; k < end; k++) {
                acc += table[2 * ((int) h1s[k] & mask) + 1];
            }
            for (int k = b; k < end; k++) {
                out[k] = candidate(h1s[k], h2s[k]);
                acc += out[k] >= 0 ? offsets[out[k]] : 0;
            }
            for (int k = b; k < end; k++) {
                int at = out[k] >= 0 ? offsets[out[k]] : arena.length;
                acc += at < arena.length ? arena[at] : 0;
            }
            for (int k = b; k < end; k++) {
                if (out[k] >= 0 && !equalsAt(out[k], view.set(bytes, offs[k], lens[k], h1s[k], h2s[k]))) {
                    out[k] = find(view);
                }
            }
        }
        sink += acc;
    }

    /** The first id whose 96-bit fingerprint matches, or -1. */
    private int candidate(long h1, int h2) {
        long[] table = slots;
        int mask = (table.length >> 1) - 1;
        int slot = (int) h1 & mask;
        long tag = (long) h2 << 32;
        while (true) {
            long second = table[2 * slot + 1];
            if (second == 0) {
                return -1;
            }
            if (table[2 * slot] == h1 && (second & 0xffffffff00000000L) == tag) {
                return (int) second - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Points {@code view} at the key of {@code id}, hashed. */
    public View key(int id, View view) {
        return view.of(arena, offsets[id], offsets[id + 1] - offsets[id]);
    }

    public String string(int id) {
        return new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    private boolean equalsAt(int id, View v) {
        int start = offsets[id];
        return offsets[id + 1] - start == v.len
                && Arrays.equals(arena, start, start + v.len, v.bytes, v.off, v.off + v.len);
    }

    private int add(View v) {
        if (size + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int start = offsets[size];
        if ((long) start + v.len > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("address table exceeds 2 GiB of key bytes");
        }
        if (start + v.len > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8L,
                    Math.max(start + v.len, (long) arena.length * 2)));
        }
        System.arraycopy(v.bytes, v.off, arena, start, v.len);
        offsets[size + 1] = start + v.len;
        return size++;
    }

    private void rehash() {
        long[] next = new long[slots.length * 2];
        int mask = (next.length >> 1) - 1;
        for (int s = 0; s < slots.length; s += 2) {
            if (slots[s + 1] != 0) {
                int slot = (int) slots[s] & mask;
                while (next[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                next[2 * slot] = slots[s];
                next[2 * slot + 1] = slots[s + 1];
            }
        }
        slots = next;
    }

    /** A reusable view of a key's bytes (no copy when heap-backed) with its two hashes. */
    public static final class View {
        private byte[] scratch;
        public byte[] bytes;
        public int off;
        public int len;
        /** 64-bit hash: slot (low bits) and stripe (top bits). */
        public long h1;
        /** Independent 32-bit hash, part of the 96-bit fingerprint. */
        public int h2;

        /** Points at the binary's bytes through {@link Binary#writeTo}, which hands heap arrays over uncopied. */
        public View of(Binary binary) {
            capture.reset();
            try {
                binary.writeTo(capture);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return hash();
        }

        private final Capture capture = new Capture();

        /** Receives Binary.writeTo: one array write is referenced, anything else is copied to scratch. */
        private final class Capture extends java.io.OutputStream {
            private int writes;

            void reset() {
                writes = 0;
                len = 0;
            }

            @Override
            public void write(byte[] b, int o, int l) {
                if (writes++ == 0) {
                    bytes = b;
                    off = o;
                    len = l;
                    return;
                }
                if (writes == 2) {
                    byte[] first = bytes;
                    int firstOff = off;
                    bytes = ensure(len + l);
                    System.arraycopy(first, firstOff, bytes, 0, len);
                    off = 0;
                }
                bytes = ensure(len + l);
                System.arraycopy(b, o, bytes, len, l);
                len += l;
            }

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            private byte[] ensure(int size) {
                if (scratch == null || scratch.length < size) {
                    byte[] grown = new byte[Math.max(size, 64)];
                    if (scratch != null && bytes == scratch) {
                        System.arraycopy(scratch, 0, grown, 0, len);
                    }
                    scratch = grown;
                }
                return scratch;
            }
        }

        /** The array keys are copied into when a binary is not one heap array. */
        public byte[] scratchArray() {
            return scratch;
        }

        /** Sets this view to a key given by parts, with its hashes already known. */
        public View set(byte[] array, int offset, int length, long hash1, int hash2) {
            bytes = array;
            off = offset;
            len = length;
            h1 = hash1;
            h2 = hash2;
            return this;
        }

        public View of(byte[] value) {
            return of(value, 0, value.length);
        }

        /** Points at {@code array[offset, offset + length)} and hashes it. */
        public View of(byte[] array, int offset, int length) {
            bytes = array;
            off = offset;
            len = length;
            return hash();
        }

        private View hash() {
            long a = 0x9E3779B97F4A7C15L ^ len;
            long b = 0xC6A4A7935BD1E995L + len;
            int i = 0;
            for (; i + 8 <= len; i += 8) {
                long w = (long) LONGS.get(bytes, off + i);
                a = Long.rotateLeft((a ^ w) * 0xC2B2AE3D27D4EB4FL, 31);
                b = Long.rotateLeft((b + w) * 0x165667B19E3779F9L, 27);
            }
            long tail = 0;
            for (int k = len - 1; k >= i; k--) {
                tail = tail << 8 | (bytes[off + k] & 0xff);
            }
            a = mix((a ^ tail) * 0xBF58476D1CE4E5B9L);
            b = mix((b + tail) * 0x94D049BB133111EBL);
            h1 = a;
            h2 = (int) (b >>> 32);
            return this;
        }

        private static long mix(long h) {
            h ^= h >>> 31;
            h *= 0x7FB5D329728EA185L;
            h ^= h >>> 27;
            h *= 0x81DADEF4BC2DD44DL;
            return h ^ (h >>> 33);
        }

        @Override
        public String toString() {
            return new String(bytes, off, len, StandardCharsets.UTF_8);
        }
    }
}
