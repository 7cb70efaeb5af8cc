package io.subnet2.validator.scoring.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.parquet.io.api.Binary;

/**
 * Open-addressing hash table from byte strings to dense int ids (0, 1, 2, ... in insertion
 * order). Keys live in one byte arena, so interning a million addresses allocates no object per
 * address. Not thread-safe; {@link Interner} stripes several of them.
 */
public final class ByteTable {

    private byte[] arena = new byte[1 << 16];
    private int[] offsets = new int[1025];
    private int[] hashes = new int[1024];
    private int[] slots = new int[2048];
    private int size;

    public int size() {
        return size;
    }

    public static int hash(byte[] bytes, int off, int len) {
        int h = 0x9747b28c ^ len;
        for (int i = 0; i < len; i++) {
            h = (h ^ bytes[off + i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Id of the key, inserting it when absent. */
    public int intern(byte[] bytes, int off, int len, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (hashes[entry - 1] == hash && equalsAt(entry - 1, bytes, off, len)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = add(bytes, off, len, hash);
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    /** Id of the key or -1. */
    public int find(byte[] bytes, int off, int len, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == hash && equalsAt(entry - 1, bytes, off, len)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    public String string(int id) {
        return new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    private boolean equalsAt(int id, byte[] bytes, int off, int len) {
        int start = offsets[id];
        return offsets[id + 1] - start == len
                && Arrays.equals(arena, start, start + len, bytes, off, off + len);
    }

    private int add(byte[] bytes, int off, int len, int hash) {
        if (size >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            offsets = Arrays.copyOf(offsets, hashes.length + 1);
        }
        int start = offsets[size];
        if ((long) start + len > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("address table exceeds 2 GiB of key bytes");
        }
        if (start + len > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8L,
                    Math.max(start + len, (long) arena.length * 2)));
        }
        System.arraycopy(bytes, off, arena, start, len);
        offsets[size + 1] = start + len;
        hashes[size] = hash;
        return size++;
    }

    private void rehash() {
        int[] next = new int[slots.length * 2];
        int mask = next.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (next[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            next[slot] = id + 1;
        }
        slots = next;
    }

    /** A reusable view of a {@link Binary}'s bytes without copying when it is heap-backed. */
    public static final class View {
        private byte[] scratch = new byte[64];
        public byte[] bytes = scratch;
        public int off;
        public int len;
        public int hash;

        public View of(Binary binary) {
            ByteBuffer buffer = binary.toByteBuffer();
            len = buffer.remaining();
            if (buffer.hasArray()) {
                bytes = buffer.array();
                off = buffer.arrayOffset() + buffer.position();
            } else {
                if (len > scratch.length) {
                    scratch = new byte[len];
                }
                bytes = scratch;
                buffer.duplicate().get(bytes, 0, len);
                off = 0;
            }
            hash = hash(bytes, off, len);
            return this;
        }

        public View of(byte[] value) {
            bytes = value;
            off = 0;
            len = value.length;
            hash = hash(bytes, off, len);
            return this;
        }

        @Override
        public String toString() {
            return new String(bytes, off, len, StandardCharsets.UTF_8);
        }
    }
}
