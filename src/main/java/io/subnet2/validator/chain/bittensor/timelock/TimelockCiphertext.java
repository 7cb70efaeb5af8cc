package io.subnet2.validator.chain.bittensor.timelock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A timelock ciphertext as ideal-lab5/timelock's {@code TLECiphertext<TinyBLS381>} serialises it with
 * arkworks' {@code serialize_compressed} (spec/bittensor.md "Commit-reveal v4"):
 * {@code U (96) ‖ vec(V) ‖ vec(W) ‖ vec(vec(ct‖tag) ‖ vec(nonce)) ‖ vec("AES_GCM_")}, every vec prefixed
 * by its length as a u64 little-endian. This is the {@code commit} argument of
 * {@code commit_timelocked_mechanism_weights}.
 */
public record TimelockCiphertext(byte[] u, byte[] v, byte[] w, byte[] aesCiphertext, byte[] nonce,
        byte[] cipherSuite) {

    public static final int U_BYTES = 96;
    public static final int MASK_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final byte[] AES_GCM = "AES_GCM_".getBytes(StandardCharsets.US_ASCII);
    /** The chain's bound on a commit ({@code MAX_CRV3_COMMIT_SIZE_BYTES}); also our parse limit. */
    public static final int MAX_BYTES = 5000;

    public TimelockCiphertext {
        require(u.length == U_BYTES, "U must be 96 bytes, is " + u.length);
        require(v.length == MASK_BYTES, "V must be 32 bytes, is " + v.length);
        require(w.length == MASK_BYTES, "W must be 32 bytes, is " + w.length);
        require(nonce.length == NONCE_BYTES, "nonce must be 12 bytes, is " + nonce.length);
        require(aesCiphertext.length >= TAG_BYTES, "AES-GCM output shorter than its tag");
        u = u.clone();
        v = v.clone();
        w = w.clone();
        aesCiphertext = aesCiphertext.clone();
        nonce = nonce.clone();
        cipherSuite = cipherSuite.clone();
    }

    public byte[] toBytes() {
        int body = 8 + aesCiphertext.length + 8 + nonce.length;
        ByteBuffer out = ByteBuffer.allocate(U_BYTES + 8 + v.length + 8 + w.length + 8 + body + 8 + cipherSuite.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(u);
        out.putLong(v.length).put(v);
        out.putLong(w.length).put(w);
        out.putLong(body);
        out.putLong(aesCiphertext.length).put(aesCiphertext);
        out.putLong(nonce.length).put(nonce);
        out.putLong(cipherSuite.length).put(cipherSuite);
        return out.array();
    }

    /** Parses {@link #toBytes()}'s layout; every length is checked against what is left, nothing trails. */
    public static TimelockCiphertext parse(byte[] bytes) {
        require(bytes.length <= MAX_BYTES, "ciphertext of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] u = take(in, U_BYTES);
        byte[] v = vec(in);
        byte[] w = vec(in);
        ByteBuffer body = ByteBuffer.wrap(vec(in)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] ct = vec(body);
        byte[] nonce = vec(body);
        require(!body.hasRemaining(), body.remaining() + " trailing bytes in the AES body");
        byte[] suite = vec(in);
        require(!in.hasRemaining(), in.remaining() + " trailing bytes after the cipher suite");
        require(Arrays.equals(suite, AES_GCM), "unknown cipher suite " + new String(suite, StandardCharsets.US_ASCII));
        return new TimelockCiphertext(u, v, w, ct, nonce, suite);
    }

    private static byte[] vec(ByteBuffer in) {
        require(in.remaining() >= 8, "truncated length at offset " + in.position());
        long length = in.getLong();
        require(length >= 0 && length <= in.remaining(), "length " + length + " exceeds the " + in.remaining() + " bytes left");
        return take(in, (int) length);
    }

    private static byte[] take(ByteBuffer in, int n) {
        require(in.remaining() >= n, "need " + n + " bytes at offset " + in.position());
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("timelock ciphertext: " + message);
        }
    }
}
