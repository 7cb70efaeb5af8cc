package io.subnet2.validator.chain.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * btwallet's {@code $NACL} keyfile encryption (btwallet src/keyfile.rs, sodiumoxide): key =
 * Argon2i v1.3 (libsodium {@code crypto_pwhash_argon2i} OPSLIMIT_SENSITIVE = 8 passes, MEMLIMIT_SENSITIVE =
 * 512 MiB, one lane) of the UTF-8 password with btwallet's fixed 16-byte salt {@link #NACL_SALT} (the salt is
 * not stored in the file); file = {@code "$NACL" ‖ nonce (24) ‖ secretbox(plaintext)}, where NaCl's
 * secretbox is XSalsa20 with the first 32 keystream bytes as the Poly1305 key and output {@code tag (16) ‖
 * ciphertext}. Deriving the key takes 512 MiB of heap and some seconds, by design of the KDF.
 */
public final class NaclKeyfileCipher {

    public static final byte[] MAGIC = "$NACL".getBytes(StandardCharsets.US_ASCII);
    /** btwallet's NACL_SALT, b"\x13q\x83\xdf\xf1Z\t\xbc\x9c\x90\xb5Q\x879\xe9\xb1". */
    static final byte[] NACL_SALT = {0x13, 'q', (byte) 0x83, (byte) 0xdf, (byte) 0xf1, 'Z', '\t', (byte) 0xbc,
        (byte) 0x9c, (byte) 0x90, (byte) 0xb5, 'Q', (byte) 0x87, '9', (byte) 0xe9, (byte) 0xb1};
    static final int OPSLIMIT_SENSITIVE = 8;
    static final int MEMLIMIT_SENSITIVE_KIB = 512 * 1024;
    private static final int NONCE_LENGTH = 24;
    private static final int TAG_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private NaclKeyfileCipher() {
    }

    /** Thrown when the Poly1305 tag does not match: wrong password or damaged file. */
    public static final class WrongPasswordException extends Exception {
        private static final long serialVersionUID = 1L;

        WrongPasswordException() {
            super("wrong password or damaged file (Poly1305 tag mismatch)");
        }
    }

    public static boolean isEncrypted(byte[] file) {
        return file.length >= MAGIC.length && Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public static byte[] encrypt(byte[] plaintext, String password) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] key = deriveKey(password);
        try {
            return seal(plaintext, key, nonce);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public static byte[] decrypt(byte[] file, String password) throws WrongPasswordException {
        checkFormat(file);
        byte[] key = deriveKey(password);
        try {
            return open(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static byte[] seal(byte[] plaintext, byte[] key, byte[] nonce) {
        byte[] out = new byte[MAGIC.length + NONCE_LENGTH + TAG_LENGTH + plaintext.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_LENGTH);
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = polyKey(stream);
        int ctStart = MAGIC.length + NONCE_LENGTH + TAG_LENGTH;
        stream.processBytes(plaintext, 0, plaintext.length, out, ctStart);
        System.arraycopy(tag(polyKey, out, ctStart, plaintext.length), 0, out, MAGIC.length + NONCE_LENGTH, TAG_LENGTH);
        return out;
    }

    static byte[] open(byte[] file, byte[] key) throws WrongPasswordException {
        checkFormat(file);
        int tagStart = MAGIC.length + NONCE_LENGTH;
        int ctStart = tagStart + TAG_LENGTH;
        XSalsa20Engine stream = stream(key, Arrays.copyOfRange(file, MAGIC.length, tagStart));
        byte[] expected = tag(polyKey(stream), file, ctStart, file.length - ctStart);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(file, tagStart, ctStart))) {
            throw new WrongPasswordException();
        }
        byte[] plaintext = new byte[file.length - ctStart];
        stream.processBytes(file, ctStart, plaintext.length, plaintext, 0);
        return plaintext;
    }

    private static void checkFormat(byte[] file) {
        if (!isEncrypted(file) || file.length < MAGIC.length + NONCE_LENGTH + TAG_LENGTH) {
            throw new IllegalArgumentException("not a $NACL keyfile or truncated (" + file.length + " bytes)");
        }
    }

    static byte[] deriveKey(String password) {
        return deriveKey(password, OPSLIMIT_SENSITIVE, MEMLIMIT_SENSITIVE_KIB);
    }

    /** libsodium's crypto_pwhash_argon2i with btwallet's salt (smaller limits only for tests). */
    static byte[] deriveKey(String password, int opsLimit, int memLimitKib) {
        long needed = (memLimitKib + 64L * 1024) * 1024;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (available < needed) {
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (available < needed) {
                throw new IllegalStateException("decrypting a $NACL keyfile needs about 600 MiB of free heap (Argon2i "
                        + "with 512 MiB, btwallet's MEMLIMIT_SENSITIVE); " + (available >> 20)
                        + " MiB are free: raise -Xmx");
            }
        }
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(opsLimit)
                .withMemoryAsKB(memLimitKib)
                .withParallelism(1)
                .withSalt(NACL_SALT)
                .build());
        byte[] key = new byte[32];
        argon2.generateBytes(password.getBytes(StandardCharsets.UTF_8), key);
        return key;
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    /** secretbox: the first 32 keystream bytes key Poly1305, the message is encrypted from byte 32 on. */
    private static byte[] polyKey(XSalsa20Engine stream) {
        byte[] polyKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, polyKey, 0);
        return polyKey;
    }

    private static byte[] tag(byte[] polyKey, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[TAG_LENGTH];
        mac.doFinal(tag, 0);
        Arrays.fill(polyKey, (byte) 0);
        return tag;
    }
}
