package io.subnet2.validator.chain.bittensor.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * SS58 addresses of 32-byte account ids: {@code base58(prefix ‖ pub32 ‖ blake2b-512("SS58PRE" ‖ prefix ‖
 * pub32)[0..2])}, the prefix one byte (0..63) or two (64..16383) as in sp_core's Ss58Codec.
 */
public final class Ss58 {

    /** Bittensor's (Substrate's generic) address prefix. */
    public static final int DEFAULT_PREFIX = 42;

    private static final int MAX_LENGTH = 64;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);
    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    private Ss58() {
    }

    /** The address of {@code publicKey} (32 bytes) under {@code prefix} (0..16383). */
    public static String encode(byte[] publicKey, int prefix) {
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("SS58: an account id has 32 bytes, got "
                    + (publicKey == null ? "none" : publicKey.length));
        }
        if (prefix < 0 || prefix > 16383) {
            throw new IllegalArgumentException("SS58: prefix " + prefix + " is outside 0..16383");
        }
        byte[] ident = prefix < 64 ? new byte[] {(byte) prefix}
                : new byte[] {(byte) (((prefix & 0xfc) >> 2) | 0x40), (byte) ((prefix >> 8) | ((prefix & 3) << 6))};
        byte[] body = concat(ident, publicKey);
        return base58(concat(body, Arrays.copyOf(checksum(body), 2)));
    }

    /** The 32-byte account id of {@code address}, whatever its prefix; checksum checked. */
    public static byte[] decode(String address) {
        return decoded(address).publicKey;
    }

    /** The 32-byte account id of {@code address}, which must carry {@code expectedPrefix}. */
    public static byte[] decode(String address, int expectedPrefix) {
        Decoded d = decoded(address);
        if (d.prefix != expectedPrefix) {
            throw new IllegalArgumentException("SS58: address has network prefix " + d.prefix + ", expected "
                    + expectedPrefix);
        }
        return d.publicKey;
    }

    /** The network prefix of {@code address} (checksum checked). */
    public static int prefix(String address) {
        return decoded(address).prefix;
    }

    private record Decoded(int prefix, byte[] publicKey) {
    }

    private static Decoded decoded(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SS58: address is empty or longer than " + MAX_LENGTH + " characters");
        }
        byte[] data = unbase58(address);
        if (data.length < 1 || (data[0] & 0xff) > 127) {
            throw new IllegalArgumentException("SS58: invalid address prefix byte");
        }
        int prefixLength = (data[0] & 0xff) < 64 ? 1 : 2;
        if (data.length != prefixLength + 32 + 2) {
            throw new IllegalArgumentException("SS58: " + address + " is not a 32-byte account address ("
                    + data.length + " bytes decoded)");
        }
        int prefix = prefixLength == 1 ? data[0]
                : ((((data[0] & 0xff) << 2) | ((data[1] & 0xff) >> 6)) & 0xff) | ((data[1] & 0x3f) << 8);
        byte[] body = Arrays.copyOf(data, data.length - 2);
        byte[] expected = Arrays.copyOf(checksum(body), 2);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, data.length - 2, data.length))) {
            throw new IllegalArgumentException("SS58: checksum of " + address + " does not match (a typo?)");
        }
        return new Decoded(prefix, Arrays.copyOfRange(body, prefixLength, body.length));
    }

    private static byte[] checksum(byte[] body) {
        Blake2bDigest blake = new Blake2bDigest(512);
        blake.update(CONTEXT, 0, CONTEXT.length);
        blake.update(body, 0, body.length);
        byte[] out = new byte[64];
        blake.doFinal(out, 0);
        return out;
    }

    private static String base58(byte[] data) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(FIFTY_EIGHT);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append(ALPHABET.charAt(0));
        }
        return sb.reverse().toString();
    }

    private static byte[] unbase58(String s) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == ALPHABET.charAt(0)) {
            zeros++;
        }
        for (int i = 0; i < s.length(); i++) {
            int digit = ALPHABET.indexOf(s.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("SS58: '" + s.charAt(i) + "' is not a base58 character");
            }
            n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
