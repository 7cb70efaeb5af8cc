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
            tables[i] = new ByteTable(true);
        }
    }

    public int internPacked(ByteTable.View v) {
        int stripe = stripe(v);
        ByteTable table = tables[stripe];
        int local;
        synchronized (table) {
            local = table.intern(v);
        }
        if (local >= 1 << (31 - BITS)) {
            throw new IllegalStateException("too many distinct addresses");
        }
        return local << BITS | stripe;
    }

    /**
     * Interns many keys at once (a dictionary page): grouped by stripe, one lock per stripe,
     * stripes visited from a different start per caller to keep two threads apart. Writes packed ids.
     */
    public void internAll(byte[][] arrays, int[] offs, int[] lens, long[] h1s, int[] h2s, int n, int[] out,
                          int startStripe) {
        int[] start = new int[STRIPES + 1];
        for (int k = 0; k < n; k++) {
            start[stripe(h1s[k]) + 1]++;
        }
        for (int i = 0; i < STRIPES; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[n];
        int[] pos = java.util.Arrays.copyOf(start, STRIPES);
        for (int k = 0; k < n; k++) {
            order[pos[stripe(h1s[k])]++] = k;
        }
        // keys gathered in stripe order once (independent loads overlap), so each batch reads sequentially
        byte[][] sArrays = new byte[n][];
        int[] sOffs = new int[n];
        int[] sLens = new int[n];
        long[] sH1s = new long[n];
        int[] sH2s = new int[n];
        for (int j = 0; j < n; j++) {
            int k = order[j];
            sArrays[j] = arrays[k];
            sOffs[j] = offs[k];
            sLens[j] = lens[k];
            sH1s[j] = h1s[k];
            sH2s[j] = h2s[k];
        }
        int[] identity = new int[n];
        java.util.Arrays.setAll(identity, j -> j);
        int[] sOut = new int[n];
        ByteTable.View view = new ByteTable.View();
        for (int v = 0; v < STRIPES; v++) {
            int stripe = (v + startStripe) & (STRIPES - 1);
            if (start[stripe] == start[stripe + 1]) {
                continue;
            }
            ByteTable table = tables[stripe];
            synchronized (table) {
                table.internBatch(sArrays, sOffs, sLens, sH1s, sH2s, identity, start[stripe], start[stripe + 1], sOut,
                        view);
            }
            for (int j = start[stripe]; j < start[stripe + 1]; j++) {
                if (sOut[j] >= 1 << (31 - BITS)) {
                    throw new IllegalStateException("too many distinct addresses");
                }
                out[order[j]] = sOut[j] << BITS | stripe;
            }
        }
    }

    private static int stripe(long h1) {
        return (int) (h1 >>> (64 - BITS));
    }

    private static int stripe(ByteTable.View v) {
        return stripe(v.h1);
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
        int stripe = stripe(v);
        int local = tables[stripe].find(v);
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
