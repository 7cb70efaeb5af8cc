package io.subnet2.validator.dataset.internal;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic hex identifiers. Every id is built from SplitMix64's finalizer, which is a bijection
 * on 64 bits: the first 16 hex digits of an address or tx hash are therefore unique per number,
 * so uniqueness holds by construction rather than by luck.
 */
public final class Ids {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    public static final int ADDRESS_LENGTH = 42;
    public static final int TX_HASH_LENGTH = 66;

    private final long saltA;
    private final long saltB;
    private final long saltC;
    private final long saltTx;

    public Ids(long seed) {
        this.saltA = mix64(seed ^ 0x5a17_0001L);
        this.saltB = mix64(seed ^ 0x5a17_0002L);
        this.saltC = mix64(seed ^ 0x5a17_0003L);
        this.saltTx = mix64(seed ^ 0x5a17_0004L);
    }

    /** SplitMix64 finalizer (a bijection). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** "0x" + 40 lower-case hex digits for address number {@code id}. */
    public byte[] address(long id) {
        byte[] out = new byte[ADDRESS_LENGTH];
        out[0] = '0';
        out[1] = 'x';
        hex(mix64(id ^ saltA), out, 2, 16);
        hex(mix64(id ^ saltB), out, 18, 16);
        hex(mix64(id ^ saltC), out, 34, 8);
        return out;
    }

    public String addressString(long id) {
        return new String(address(id), StandardCharsets.US_ASCII);
    }

    /** Writes "0x" + 64 hex digits of transaction number {@code n} into {@code out} (length 66). */
    public void txHash(long n, byte[] out) {
        out[0] = '0';
        out[1] = 'x';
        long a = mix64(n ^ saltTx);
        hex(a, out, 2, 16);
        hex(mix64(a + saltA), out, 18, 16);
        hex(mix64(a + saltB), out, 34, 16);
        hex(mix64(a + saltC), out, 50, 16);
    }

    private static void hex(long value, byte[] out, int offset, int digits) {
        for (int i = 0; i < digits; i++) {
            out[offset + i] = HEX[(int) (value >>> (60 - 4 * i)) & 0xf];
        }
    }
}
