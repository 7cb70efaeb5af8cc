package io.subnet2.validator.chain.bittensor.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Substrate's secret URI (sp_core {@code SecretUri}): {@code phrase/path///password}, where the phrase is a
 * BIP39 mnemonic or {@code 0x} + 32-byte hex seed (absent: the development phrase), the path a list of
 * junctions ({@code //hard}, {@code /soft}). A junction that parses as u64 is its 8 little-endian bytes,
 * otherwise the SCALE-encoded string; longer than 32 bytes it is hashed with blake2b-256, else zero-padded.
 */
record SecretUri(String phrase, List<Junction> junctions, String password) {

    static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private static final int MAX_LENGTH = 4096;
    private static final Pattern URI = Pattern.compile("^([A-Za-z0-9 ]+)?((?://?[^/]+)*)(?:///(.*))?$", Pattern.DOTALL);
    private static final Pattern JUNCTION = Pattern.compile("/(/?[^/]+)");
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** One derivation step: hard ({@code //}) or soft ({@code /}) with its 32-byte chain code. */
    record Junction(boolean hard, byte[] chainCode) {
    }

    static SecretUri parse(String uri) {
        if (uri == null || uri.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("secret URI missing or longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a secret URI (phrase or 0x seed, then //hard or /soft junctions, "
                    + "then ///password)");
        }
        List<Junction> junctions = new ArrayList<>();
        Matcher j = JUNCTION.matcher(m.group(2));
        while (j.find()) {
            String code = j.group(1);
            boolean hard = code.startsWith("/");
            junctions.add(new Junction(hard, chainCode(hard ? code.substring(1) : code)));
        }
        String phrase = m.group(1) == null ? DEV_PHRASE : m.group(1);
        return new SecretUri(phrase, List.copyOf(junctions), m.group(3) == null ? "" : m.group(3));
    }

    Sr25519Keypair keypair() {
        Sr25519Keypair pair;
        if (phrase.startsWith("0x")) {
            byte[] seed;
            try {
                seed = HexFormat.of().parseHex(phrase.substring(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secret URI: the 0x seed is not hex");
            }
            if (seed.length != Sr25519Keypair.MINI_SECRET_LENGTH) {
                throw new IllegalArgumentException("secret URI: the 0x seed must have 32 bytes, has " + seed.length);
            }
            pair = Sr25519Keypair.fromMiniSecret(seed);
        } else {
            pair = Sr25519Keypair.fromMiniSecret(Bip39.miniSecret(Bip39.entropy(phrase), password));
        }
        for (Junction junction : junctions) {
            pair = junction.hard() ? pair.deriveHard(junction.chainCode()) : pair.deriveSoft(junction.chainCode());
        }
        return pair;
    }

    static byte[] chainCode(String code) {
        byte[] encoded = isU64(code) ? u64le(new BigInteger(code).longValue()) : scaleString(code);
        byte[] cc = new byte[32];
        if (encoded.length > cc.length) {
            Blake2bDigest blake = new Blake2bDigest(256);
            blake.update(encoded, 0, encoded.length);
            blake.doFinal(cc, 0);
        } else {
            System.arraycopy(encoded, 0, cc, 0, encoded.length);
        }
        return cc;
    }

    private static boolean isU64(String code) {
        // Rust's u64::from_str: optional '+', ASCII digits only, within range
        String digits = code.startsWith("+") ? code.substring(1) : code;
        if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return new BigInteger(digits).compareTo(U64_MAX) <= 0;
    }

    private static byte[] u64le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** SCALE {@code str}: compact length, then the UTF-8 bytes (lengths are bounded by MAX_LENGTH). */
    private static byte[] scaleString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        byte[] prefix;
        if (n < 1 << 6) {
            prefix = new byte[] {(byte) (n << 2)};
        } else if (n < 1 << 14) {
            int v = (n << 2) | 1;
            prefix = new byte[] {(byte) v, (byte) (v >>> 8)};
        } else {
            int v = (n << 2) | 2;
            prefix = new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        }
        byte[] out = new byte[prefix.length + n];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(utf8, 0, out, prefix.length, n);
        return out;
    }

    @Override
    public String toString() {
        return "SecretUri[" + junctions.size() + " junctions]";
    }
}
