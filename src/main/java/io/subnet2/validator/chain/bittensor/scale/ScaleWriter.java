package io.subnet2.validator.chain.bittensor.scale;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Writes SCALE, the mirror of {@link ScaleReader}; methods return {@code this} for chaining. */
public final class ScaleWriter {

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ScaleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public ScaleWriter u8(int v) {
        return le(range(v, 0xffL, "u8"), 1);
    }

    public ScaleWriter u16(int v) {
        return le(range(v, 0xffffL, "u16"), 2);
    }

    public ScaleWriter u32(long v) {
        return le(range(v, 0xffffffffL, "u32"), 4);
    }

    /** The 64 bits of {@code v}, little-endian (a negative long writes its unsigned value). */
    public ScaleWriter u64(long v) {
        return le(v, 8);
    }

    public ScaleWriter u128(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(U128_LIMIT) >= 0) {
            throw new ScaleException("u128 out of range: " + v);
        }
        return raw(unsignedLe(v, 16));
    }

    public ScaleWriter bool(boolean v) {
        out.write(v ? 1 : 0);
        return this;
    }

    public ScaleWriter compact(long v) {
        if (v < 0) {
            throw new ScaleException("compact of a negative value " + v);
        }
        return compact(BigInteger.valueOf(v));
    }

    public ScaleWriter compact(BigInteger v) {
        if (v.signum() < 0) {
            throw new ScaleException("compact of a negative value " + v);
        }
        if (v.bitLength() <= 6) {
            return le(v.longValue() << 2, 1);
        }
        if (v.bitLength() <= 14) {
            return le((v.longValue() << 2) | 1, 2);
        }
        if (v.bitLength() <= 30) {
            return le((v.longValue() << 2) | 2, 4);
        }
        int bytes = Math.max(4, (v.bitLength() + 7) / 8);
        if (bytes > 67) {
            throw new ScaleException("compact too large: " + v.bitLength() + " bits");
        }
        out.write(((bytes - 4) << 2) | 3);
        return raw(unsignedLe(v, bytes));
    }

    /** {@code Vec<u8>}: compact length, then the bytes. */
    public ScaleWriter bytes(byte[] bytes) {
        compact(bytes.length);
        return raw(bytes);
    }

    public <T> ScaleWriter vec(List<T> items, BiConsumer<ScaleWriter, T> element) {
        compact(items.size());
        items.forEach(item -> element.accept(this, item));
        return this;
    }

    public <T> ScaleWriter option(Optional<T> value, BiConsumer<ScaleWriter, T> element) {
        if (value.isEmpty()) {
            out.write(0);
        } else {
            out.write(1);
            element.accept(this, value.get());
        }
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public String toHex() {
        return Hex.encode(toByteArray());
    }

    private ScaleWriter le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
        return this;
    }

    private static long range(long v, long max, String type) {
        if (v < 0 || v > max) {
            throw new ScaleException(type + " out of range: " + v);
        }
        return v;
    }

    private static byte[] unsignedLe(BigInteger v, int n) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[n];
        for (int i = 0; i < n && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
