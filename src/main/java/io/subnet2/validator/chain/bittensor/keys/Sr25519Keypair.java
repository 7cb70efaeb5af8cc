package io.subnet2.validator.chain.bittensor.keys;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA512Digest;

import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.Scalar;

/**
 * An sr25519 keypair (schnorrkel SecretKey: scalar key and 32-byte signing nonce, plus the public key).
 * The secret never leaves this object: no accessor, not in {@link #toString()}. Equality is by public key.
 */
public final class Sr25519Keypair {

    public static final int MINI_SECRET_LENGTH = 32;
    public static final int SECRET_KEY_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Scalar key;
    private final byte[] nonce;
    private final byte[] publicKey;

    private Sr25519Keypair(Scalar key, byte[] nonce) {
        this.key = key;
        this.nonce = nonce;
        this.publicKey = Constants.RISTRETTO_GENERATOR_TABLE.multiply(key).compress().toByteArray();
    }

    /**
     * Expands a 32-byte mini secret in schnorrkel's Ed25519 mode (what Substrate and btwallet use): SHA-512,
     * the low half clamped as for Ed25519 and divided by the cofactor 8 is the key, the high half the nonce.
     */
    public static Sr25519Keypair fromMiniSecret(byte[] miniSecret) {
        if (miniSecret == null || miniSecret.length != MINI_SECRET_LENGTH) {
            throw new IllegalArgumentException("an sr25519 mini secret (seed) has 32 bytes, got "
                    + (miniSecret == null ? "none" : miniSecret.length));
        }
        byte[] h = new byte[64];
        SHA512Digest sha = new SHA512Digest();
        sha.update(miniSecret, 0, miniSecret.length);
        sha.doFinal(h, 0);
        byte[] k = Arrays.copyOf(h, 32);
        k[0] &= (byte) 248;
        k[31] &= 63;
        k[31] |= 64;
        Sr25519Keypair pair = new Sr25519Keypair(Scalar.fromBits(divideByCofactor(k)), Arrays.copyOfRange(h, 32, 64));
        Arrays.fill(h, (byte) 0);
        Arrays.fill(k, (byte) 0);
        return pair;
    }

    /**
     * A 64-byte schnorrkel secret key as {@code SecretKey::to_bytes} writes it (btwallet's {@code privateKey}:
     * canonical scalar ‖ nonce).
     */
    public static Sr25519Keypair fromSecretKey(byte[] secretKey) {
        checkSecretKeyLength(secretKey);
        return new Sr25519Keypair(Scalar.fromCanonicalBytes(Arrays.copyOf(secretKey, 32)),
                Arrays.copyOfRange(secretKey, 32, 64));
    }

    /**
     * A 64-byte secret in schnorrkel's "ed25519" layout ({@code to_ed25519_bytes}, used by @polkadot/wasm-crypto
     * and @scure/sr25519): the scalar multiplied by the cofactor.
     */
    public static Sr25519Keypair fromEd25519SecretKey(byte[] secretKey) {
        checkSecretKeyLength(secretKey);
        return new Sr25519Keypair(Scalar.fromBits(divideByCofactor(Arrays.copyOf(secretKey, 32))).reduce(),
                Arrays.copyOfRange(secretKey, 32, 64));
    }

    /**
     * A Substrate secret URI: {@code [phrase | 0x<seed hex>][//hard][/soft]...[///password]}, the phrase
     * defaulting to the development phrase (so {@code //Alice} is the well-known dev account).
     */
    public static Sr25519Keypair fromUri(String uri) {
        return SecretUri.parse(uri).keypair();
    }

    /** The 32-byte compressed ristretto255 public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** SS58 address with the generic Substrate prefix 42 (Bittensor's). */
    public String ss58() {
        return Ss58.encode(publicKey, Ss58.DEFAULT_PREFIX);
    }

    /** A 64-byte sr25519 signature of {@code message} in signing context "substrate" (randomised). */
    public byte[] sign(byte[] message) {
        if (message == null) {
            throw new IllegalArgumentException("no message to sign");
        }
        return Sr25519.sign(key, nonce, publicKey, message, RANDOM);
    }

    /** schnorrkel {@code hard_derive_mini_secret_key} (empty extra bytes) expanded again in Ed25519 mode. */
    Sr25519Keypair deriveHard(byte[] chainCode) {
        MerlinTranscript t = new MerlinTranscript("SchnorrRistrettoHDKD");
        t.appendMessage("sign-bytes", new byte[0]);
        t.appendMessage("chain-code", chainCode);
        t.appendMessage("secret-key", key.toByteArray());
        byte[] miniSecret = t.challengeBytes("HDKD-hard", MINI_SECRET_LENGTH);
        Sr25519Keypair derived = fromMiniSecret(miniSecret);
        Arrays.fill(miniSecret, (byte) 0);
        return derived;
    }

    /**
     * schnorrkel {@code derived_key_simple}: key + challenge scalar. The nonce is ours to choose (schnorrkel
     * draws it at random too); it only guards signatures against a weak RNG.
     */
    Sr25519Keypair deriveSoft(byte[] chainCode) {
        MerlinTranscript t = new MerlinTranscript("SchnorrRistrettoHDKD");
        t.appendMessage("sign-bytes", new byte[0]);
        t.appendMessage("chain-code", chainCode);
        t.appendMessage("public-key", publicKey);
        Scalar scalar = t.challengeScalar("HDKD-scalar");
        MerlinTranscript n = t.copy();
        n.appendMessage("HDKD-nonce", nonce);
        n.appendMessage("secret-key", key.toByteArray());
        return new Sr25519Keypair(key.add(scalar), n.challengeBytes("HDKD-nonce", 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sr25519Keypair other && MessageDigest.isEqual(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Sr25519Keypair[" + ss58() + "]";
    }

    private static void checkSecretKeyLength(byte[] secretKey) {
        if (secretKey == null || secretKey.length != SECRET_KEY_LENGTH) {
            throw new IllegalArgumentException("an sr25519 secret key has 64 bytes, got "
                    + (secretKey == null ? "none" : secretKey.length));
        }
    }

    /** Little-endian division by 8 (schnorrkel's divide_scalar_bytes_by_cofactor), in place. */
    private static byte[] divideByCofactor(byte[] scalar) {
        int low = 0;
        for (int i = scalar.length - 1; i >= 0; i--) {
            int b = scalar[i] & 0xff;
            scalar[i] = (byte) ((b >>> 3) + low);
            low = (b & 7) << 5;
        }
        return scalar;
    }
}
