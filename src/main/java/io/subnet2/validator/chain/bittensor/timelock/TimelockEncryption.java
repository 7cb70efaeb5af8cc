package io.subnet2.validator.chain.bittensor.timelock;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Timelock encryption to a drand quicknet round, byte-compatible with ideal-lab5/timelock's
 * {@code tle::<TinyBLS381, AESGCMStreamCipherProvider>} as bittensor-drand calls it (spec/bittensor.md
 * "Commit-reveal v4"): Boneh-Franklin FullIdent on BLS12-381 wraps a random AES-256 key {@code esk},
 * AES-256-GCM carries the message. Curve arithmetic and pairings are blst's (jblst); only the hashing
 * glue of FullIdent is here.
 */
public final class TimelockEncryption {

    /** Order of the BLS12-381 scalar field. */
    static final BigInteger FR = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    private final P2_Affine publicKey;
    private final SecureRandom random;

    public TimelockEncryption(byte[] groupPublicKey, SecureRandom random) {
        this.publicKey = g2(groupPublicKey, "public key");
        this.random = random;
    }

    /** Encryption to drand quicknet. */
    public static TimelockEncryption quicknet() {
        return new TimelockEncryption(Quicknet.publicKey(), new SecureRandom());
    }

    public TimelockCiphertext encrypt(byte[] message, long round) {
        byte[] esk = randomBytes(32);
        byte[] sigma = sha256(randomBytes(32));
        BigInteger r = h3(sigma, esk);
        P2 u = P2.generator().mult(r);
        // g_id^r = e(Q_id, r·P_pub)
        byte[] mask = h2(new PT(identity(round).to_affine(), publicKey.to_jacobian().mult(r).to_affine()).final_exp());
        byte[] nonce = randomBytes(TimelockCiphertext.NONCE_BYTES);
        return new TimelockCiphertext(u.compress(), xor(sigma, mask), xor(esk, sha256(sigma)),
                aes(Cipher.ENCRYPT_MODE, esk, nonce, message), nonce, TimelockCiphertext.AES_GCM);
    }

    /**
     * Decrypts with {@code round}'s beacon signature (48 bytes, compressed G1), as the chain does on reveal;
     * throws when the signature is not the one the ciphertext was made for or the ciphertext was altered.
     */
    public static byte[] decrypt(TimelockCiphertext ciphertext, byte[] signature) {
        P1_Affine sig = g1(signature, "signature");
        P2_Affine u = g2(ciphertext.u(), "U");
        byte[] sigma = xor(ciphertext.v(), h2(new PT(sig, u).final_exp()));
        byte[] esk = xor(ciphertext.w(), sha256(sigma));
        if (!P2.generator().mult(h3(sigma, esk)).is_equal(u.to_jacobian())) {
            throw new IllegalArgumentException("timelock ciphertext: U does not match; wrong round signature or altered header");
        }
        return aes(Cipher.DECRYPT_MODE, esk, ciphertext.nonce(), ciphertext.aesCiphertext());
    }

    /** True when {@code signature} is {@code round}'s BLS signature under this group key. */
    public boolean verifyRound(long round, byte[] signature) {
        P1_Affine sig = g1(signature, "signature");
        return sig.core_verify(publicKey, true, roundMessage(round), Quicknet.DST) == BLST_ERROR.BLST_SUCCESS;
    }

    /** drand's message for a round: {@code sha256(u64 big-endian round)}. */
    static byte[] roundMessage(long round) {
        return sha256(ByteBuffer.allocate(8).putLong(round).array());
    }

    private static P1 identity(long round) {
        return new P1().hash_to(roundMessage(round), Quicknet.DST);
    }

    /** H2: sha256 of the pairing result serialised as arkworks does. */
    private static byte[] h2(PT gt) {
        return sha256(GtBytes.arkworks(gt.to_bendian()));
    }

    /** H3: sha256(a ‖ b) read big-endian, reduced mod r. */
    static BigInteger h3(byte[] a, byte[] b) {
        MessageDigest digest = sha256();
        digest.update(a);
        digest.update(b);
        return new BigInteger(1, digest.digest()).mod(FR);
    }

    private static byte[] aes(int mode, byte[] key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TimelockCiphertext.TAG_BYTES * 8, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("timelock ciphertext: AES-GCM failed (" + e.getMessage() + ")", e);
        }
    }

    private static P1_Affine g1(byte[] bytes, String what) {
        try {
            P1_Affine point = new P1_Affine(bytes);
            if (!point.in_group()) {
                throw new IllegalArgumentException(what + " is not in G1");
            }
            return point;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timelock: bad " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private static P2_Affine g2(byte[] bytes, String what) {
        try {
            P2_Affine point = new P2_Affine(bytes);
            if (!point.in_group()) {
                throw new IllegalArgumentException(what + " is not in G2");
            }
            return point;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timelock: bad " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static byte[] sha256(byte[] input) {
        return sha256().digest(input);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
