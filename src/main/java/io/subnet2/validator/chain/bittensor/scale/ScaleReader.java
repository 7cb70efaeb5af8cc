package io.subnet2.validator.chain.bittensor.scale;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads SCALE (parity-scale-codec): fixed-width integers little-endian, compact integers, bool, vectors
 * with a compact length, options. Every read is bounds-checked; non-canonical compact encodings and
 * bools other than 0/1 are refused, as the Rust codec does.
 */
public final class ScaleReader {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final byte[] data;
    private int pos;

    public ScaleReader(byte[] data) {
        this.data = data.clone();
    }

    /** Reads a {@code 0x}-prefixed (or bare) hex string, as JSON-RPC returns SCALE bytes. */
    public static ScaleReader ofHex(String hex) {
        return new ScaleReader(Hex.decode(hex));
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return data.length - pos;
    }

    public boolean atEnd() {
        return pos == data.length;
    }

    /** Throws unless every byte was consumed (trailing bytes mean the layout is not the one expected). */
    public void expectEnd() {
        if (!atEnd()) {
            throw new ScaleException(remaining() + " trailing bytes at offset " + pos);
        }
    }

    private void need(int n) {
        if (n < 0 || remaining() < n) {
            throw new ScaleException("need " + n + " bytes at offset " + pos + ", " + remaining() + " left");
        }
    }

    public byte[] fixed(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    public int u8() {
        need(1);
        return data[pos++] & 0xff;
    }

    public int u16() {
        return (int) le(2);
    }

    public long u32() {
        return le(4);
    }

    /** A u64 as a signed long: callers that may see values above 2^63 use {@link #u64Unsigned()}. */
    public long u64() {
        return le(8);
    }

    public BigInteger u64Unsigned() {
        return new BigInteger(1, reversed(fixed(8)));
    }

    public BigInteger u128() {
        return new BigInteger(1, reversed(fixed(16)));
    }

    private long le(int n) {
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += n;
        return v;
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new ScaleException("bool byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    /** A compact integer of any size (up to 2^536). */
    public BigInteger compact() {
        int first = u8();
        switch (first & 3) {
            case 0:
                return BigInteger.valueOf(first >>> 2);
            case 1: {
                long v = (first | (u8() << 8)) >>> 2;
                if (v < (1 << 6)) {
                    throw new ScaleException("non-canonical compact " + v);
                }
                return BigInteger.valueOf(v);
            }
            case 2: {
                long v = ((first & 0xffL) | ((long) u8() << 8) | ((long) u8() << 16) | ((long) u8() << 24)) >>> 2;
                if (v < (1 << 14)) {
                    throw new ScaleException("non-canonical compact " + v);
                }
                return BigInteger.valueOf(v);
            }
            default: {
                int bytes = (first >>> 2) + 4;
                BigInteger v = new BigInteger(1, reversed(fixed(bytes)));
                boolean canonical = bytes == 4 ? v.bitLength() > 30 : v.bitLength() > (bytes - 1) * 8;
                if (!canonical) {
                    throw new ScaleException("non-canonical compact " + v);
                }
                return v;
            }
        }
    }

    /** A compact that must fit a u64 (returned as a signed long when it fits below 2^63). */
    public long compactLong() {
        BigInteger v = compact();
        if (v.compareTo(U64_MAX) > 0 || v.bitLength() > 63) {
            throw new ScaleException("compact " + v + " does not fit a long");
        }
        return v.longValueExact();
    }

    /** A compact bounded by {@code max} (e.g. 65535 for Compact&lt;u16&gt;). */
    public int compactInt(int max) {
        long v = compactLong();
        if (v > max) {
            throw new ScaleException("compact " + v + " exceeds " + max);
        }
        return (int) v;
    }

    /**
     * A vector's length; each element takes at least {@code minElementBytes}, so a length that the remaining
     * input cannot hold is refused before anything is allocated.
     */
    public int vecLength(int minElementBytes) {
        int length = compactInt(Integer.MAX_VALUE);
        if (minElementBytes > 0 && (long) length * minElementBytes > remaining()) {
            throw new ScaleException("vector of " + length + " elements cannot fit in " + remaining() + " bytes");
        }
        return length;
    }

    /** {@code Vec<u8>}. */
    public byte[] bytes() {
        return fixed(vecLength(1));
    }

    public <T> List<T> vec(int minElementBytes, Function<ScaleReader, T> element) {
        int n = vecLength(minElementBytes);
        List<T> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    public <T> Optional<T> option(Function<ScaleReader, T> value) {
        int tag = u8();
        if (tag == 0) {
            return Optional.empty();
        }
        if (tag != 1) {
            throw new ScaleException("option tag " + tag + " at offset " + (pos - 1));
        }
        return Optional.of(value.apply(this));
    }

    static byte[] reversed(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return b;
    }
}
