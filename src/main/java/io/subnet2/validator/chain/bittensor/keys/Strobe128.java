package io.subnet2.validator.chain.bittensor.keys;

import java.util.Arrays;

/**
 * The STROBE-128 subset Merlin uses (meta-AD, AD, PRF, KEY), as in the merlin crate's strobe.rs
 * (STROBE v1.0.2, rate 166). Not thread-safe; {@link #copy()} forks the state.
 */
final class Strobe128 {

    private static final int RATE = 166;
    private static final int FLAG_I = 1;
    private static final int FLAG_A = 1 << 1;
    private static final int FLAG_C = 1 << 2;
    private static final int FLAG_T = 1 << 3;
    private static final int FLAG_M = 1 << 4;
    private static final int FLAG_K = 1 << 5;

    private final byte[] state;
    private int pos;
    private int posBegin;
    private int curFlags;

    private Strobe128(byte[] state, int pos, int posBegin, int curFlags) {
        this.state = state;
        this.pos = pos;
        this.posBegin = posBegin;
        this.curFlags = curFlags;
    }

    Strobe128(byte[] protocolLabel) {
        this(new byte[200], 0, 0, 0);
        byte[] init = {1, (byte) (RATE + 2), 1, 0, 1, 96, 'S', 'T', 'R', 'O', 'B', 'E', 'v', '1', '.', '0', '.', '2'};
        System.arraycopy(init, 0, state, 0, init.length);
        Keccak1600.permute(state);
        metaAd(protocolLabel, false);
    }

    Strobe128 copy() {
        return new Strobe128(Arrays.copyOf(state, state.length), pos, posBegin, curFlags);
    }

    void metaAd(byte[] data, boolean more) {
        beginOp(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOp(FLAG_A, more);
        absorb(data);
    }

    void prf(byte[] dest, boolean more) {
        beginOp(FLAG_I | FLAG_A | FLAG_C, more);
        squeeze(dest);
    }

    void key(byte[] data, boolean more) {
        beginOp(FLAG_A | FLAG_C, more);
        overwrite(data);
    }

    private void runF() {
        state[pos] ^= (byte) posBegin;
        state[pos + 1] ^= 0x04;
        state[RATE + 1] ^= (byte) 0x80;
        Keccak1600.permute(state);
        pos = 0;
        posBegin = 0;
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[pos++] ^= b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void overwrite(byte[] data) {
        for (byte b : data) {
            state[pos++] = b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void squeeze(byte[] dest) {
        for (int i = 0; i < dest.length; i++) {
            dest[i] = state[pos];
            state[pos++] = 0;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void beginOp(int flags, boolean more) {
        if (more) {
            if (curFlags != flags) {
                throw new IllegalStateException("STROBE: continued operation with other flags");
            }
            return;
        }
        if ((flags & FLAG_T) != 0) {
            throw new IllegalArgumentException("STROBE: transport operations are not used");
        }
        int oldBegin = posBegin;
        posBegin = pos + 1;
        curFlags = flags;
        absorb(new byte[] {(byte) oldBegin, (byte) flags});
        boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
        if (forceF && pos != 0) {
            runF();
        }
    }
}
