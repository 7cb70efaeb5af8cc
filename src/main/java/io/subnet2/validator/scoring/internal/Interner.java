package io.subnet2.validator.scoring.internal;

/**
 * Address interner shared by the threads that read transfers: 64 {@link ByteTable} stripes chosen
 * by the hash's top bits, each behind its own lock. While reading, ids are packed
 * {@code local << 6 | stripe}; {@link #freeze()} then fixes dense ids ({@link #dense(int)}), after
 * which {@link #find} needs no lock.
 */
public final class Interner {

    private static final int BITS = 6;
    private static final int STRIPES = 1 << BITS;

    private final ByteTable[] tables = new ByteTable[STRIPES];
    private int[] base;

    public Interner() {
        for (int i = 0; i < STRIPES; i++) {
            tables[i] = new ByteTable();
        }
    }

    public int internPacked(ByteTable.View v) {
        int stripe = v.hash >>> (32 - BITS);
        ByteTable table = tables[stripe];
        int local;
        synchronized (table) {
            local = table.intern(v.bytes, v.off, v.len, v.hash);
        }
        if (local >= 1 << (31 - BITS)) {
            throw new IllegalStateException("too many distinct addresses");
        }
        return local << BITS | stripe;
    }

    public void freeze() {
        base = new int[STRIPES + 1];
        for (int i = 0; i < STRIPES; i++) {
            base[i + 1] = base[i] + tables[i].size();
        }
    }

    public int size() {
        return base[STRIPES];
    }

    public int dense(int packed) {
        return base[packed & (STRIPES - 1)] + (packed >>> BITS);
    }

    /** Dense id of an address or -1 when it is not interned (after {@link #freeze()}). */
    public int find(ByteTable.View v) {
        int stripe = v.hash >>> (32 - BITS);
        int local = tables[stripe].find(v.bytes, v.off, v.len, v.hash);
        return local < 0 ? -1 : base[stripe] + local;
    }

    public String string(int dense) {
        int stripe = 0;
        while (base[stripe + 1] <= dense) {
            stripe++;
        }
        return tables[stripe].string(dense - base[stripe]);
    }
}
