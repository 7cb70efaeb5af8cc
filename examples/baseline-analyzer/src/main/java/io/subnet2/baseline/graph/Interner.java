package io.subnet2.baseline.graph;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.io.api.Binary;

/**
 * UTF-8 strings to dense int ids in order of first appearance (deterministic for the same input).
 * An open-addressing table over the raw bytes: a parquet value that was seen before costs one hash
 * and one array comparison, with no String decoded and nothing allocated.
 */
public final class Interner {

    private byte[][] keys = new byte[1024][];
    private int[] hashes = new int[1024];
    private int[] slots = new int[2048]; // id + 1, 0 = empty
    private int size;

    public int id(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return id(b, 0, b.length);
    }

    public int id(Binary value) {
        ByteBuffer buf = value.toByteBuffer();
        if (buf.hasArray()) {
            return id(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
        }
        byte[] b = value.getBytes();
        return id(b, 0, b.length);
    }

    public int id(byte[] bytes, int from, int length) {
        int h = hash(bytes, from, length);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return insert(i, h, Arrays.copyOfRange(bytes, from, from + length));
            }
            byte[] key = keys[slot - 1];
            if (hashes[slot - 1] == h && Arrays.equals(key, 0, key.length, bytes, from, from + length)) {
                return slot - 1;
            }
        }
    }

    private int insert(int slot, int h, byte[] key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        keys[size] = key;
        hashes[size] = h;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        int[] table = new int[slots.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = id + 1;
        }
        slots = table;
    }

    private static int hash(byte[] b, int from, int length) {
        int h = 0x9E3779B9;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    public int size() {
        return size;
    }

    public String[] names() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = new String(keys[i], StandardCharsets.UTF_8);
        }
        return out;
    }
}
