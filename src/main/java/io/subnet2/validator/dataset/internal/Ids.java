package io.subnet2.validator.dataset.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed identifiers: an address or transaction hash is AES-256 (a keyed pseudo-random permutation)
 * of the blocks (number, 0) and (number, 1), hex-encoded. Without the key the strings reveal
 * nothing about the numbers; with distinct numbers the first block differs, so uniqueness holds by
 * construction. One cipher per thread (writer threads encode addresses and hashes in parallel).
 */
public final class Ids {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    public static final int ADDRESS_LENGTH = 42;
    public static final int TX_HASH_LENGTH = 66;
    private static final int BLOCK = 16;

    private final ThreadLocal<Keyed> addresses;
    private final ThreadLocal<Keyed> transactions;

    Ids(byte[] addressKey, byte[] txKey) {
        this.addresses = ThreadLocal.withInitial(() -> new Keyed(addressKey));
        this.transactions = ThreadLocal.withInitial(() -> new Keyed(txKey));
    }

    /** "0x" + 40 lower-case hex digits for address number {@code id}. */
    public byte[] address(long id) {
        byte[] out = new byte[ADDRESS_LENGTH];
        addresses.get().hex(id, out, 20);
        return out;
    }

    public String addressString(long id) {
        return new String(address(id), StandardCharsets.US_ASCII);
    }

    /** Writes "0x" + 64 hex digits of transaction number {@code n} into {@code out} (length 66). */
    public void txHash(long n, byte[] out) {
        transactions.get().hex(n, out, 32);
    }

    /** One thread's AES cipher and buffers. */
    private static final class Keyed {
        private final Cipher cipher;
        private final ByteBuffer input = ByteBuffer.allocate(2 * BLOCK);
        private final byte[] output = new byte[2 * BLOCK];

        Keyed(byte[] key) {
            try {
                cipher = Cipher.getInstance("AES/ECB/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }

        /** "0x" + the first {@code bytes} bytes of AES(n, 0) || AES(n, 1) in hex. */
        void hex(long n, byte[] out, int bytes) {
            input.clear();
            input.putLong(n).putLong(0).putLong(n).putLong(1);
            try {
                cipher.update(input.array(), 0, 2 * BLOCK, output, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            out[0] = '0';
            out[1] = 'x';
            for (int i = 0; i < bytes; i++) {
                out[2 + 2 * i] = HEX[(output[i] >> 4) & 0xf];
                out[3 + 2 * i] = HEX[output[i] & 0xf];
            }
        }
    }
}
