package io.subnet2.validator.scoring.internal;

/**
 * The dataset's distinct addresses with dense ids {@code 0 .. size() - 1}. Each thread that reads
 * transfers interns into a {@link ByteTable} of its own (no lock, no shared cache line);
 * {@link #merge} then adds the other tables' keys to the first one and gives each table's local ids
 * their dense id. Read-only afterwards, so lookups need no lock.
 */
public final class Interner {

    private final ByteTable table;

    Interner(ByteTable table) {
        this.table = table;
    }

    ByteTable table() {
        return table;
    }

    /**
     * Merges per-thread tables (the first one is kept and grows). Returns the interner and fills
     * {@code maps[t][local id in parts[t]]} with the dense id; the first table's map is the identity.
     */
    public static Interner merge(ByteTable[] parts, int[][] maps) {
        ByteTable base = parts[0];
        ByteTable.View view = new ByteTable.View();
        for (int t = 0; t < parts.length; t++) {
            int[] map = new int[parts[t].size()];
            for (int local = 0; local < map.length; local++) {
                map[local] = t == 0 ? local : base.intern(parts[t].key(local, view));
            }
            maps[t] = map;
        }
        return new Interner(base);
    }

    public int size() {
        return table.size();
    }

    /** Dense id of an address or -1 when it is not in the dataset (always an exact byte comparison). */
    public int find(ByteTable.View v) {
        return table.find(v);
    }

    /** Batched exact look-up, see {@link ByteTable#findAll}. */
    public void findAll(byte[] bytes, int[] offs, int[] lens, long[] h1s, int[] h2s, int n, int[] out,
                        ByteTable.View view) {
        table.findAll(bytes, offs, lens, h1s, h2s, n, out, view);
    }

    public String string(int dense) {
        return table.string(dense);
    }
}
