package io.subnet2.validator.chain.bittensor.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP39 English mnemonics as substrate-bip39 uses them: the phrase is decoded to its entropy (checksum
 * checked), and the mini secret is PBKDF2-HMAC-SHA512 over the <em>entropy</em> (not the phrase, unlike
 * standard BIP39 seeds), salt {@code "mnemonic" + password}, 2048 rounds, first 32 bytes.
 */
final class Bip39 {

    private static final int PBKDF2_ROUNDS = 2048;
    private static final Map<String, Integer> WORDS = loadWordlist();

    private Bip39() {
    }

    static byte[] entropy(String phrase) {
        String[] words = phrase.trim().split("\\s+");
        int n = words.length;
        if (n < 12 || n > 24 || n % 3 != 0) {
            throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words, this one has " + n);
        }
        int bits = n * 11;
        int checksumBits = bits / 33;
        byte[] all = new byte[(bits + 7) / 8];
        for (int w = 0; w < n; w++) {
            Integer index = WORDS.get(words[w]);
            if (index == null) {
                throw new IllegalArgumentException("mnemonic word " + (w + 1) + " is not in the BIP39 English list");
            }
            for (int b = 0; b < 11; b++) {
                if ((index & (1 << (10 - b))) != 0) {
                    int pos = w * 11 + b;
                    all[pos / 8] |= (byte) (1 << (7 - pos % 8));
                }
            }
        }
        int entropyBytes = (bits - checksumBits) / 8;
        byte[] entropy = java.util.Arrays.copyOf(all, entropyBytes);
        byte[] hash = new byte[32];
        SHA256Digest sha = new SHA256Digest();
        sha.update(entropy, 0, entropy.length);
        sha.doFinal(hash, 0);
        int expected = (hash[0] & 0xff) >>> (8 - checksumBits);
        int actual = (all[entropyBytes] & 0xff) >>> (8 - checksumBits);
        if (expected != actual) {
            throw new IllegalArgumentException("mnemonic checksum does not match (a mistyped word?)");
        }
        return entropy;
    }

    static byte[] miniSecret(byte[] entropy, String password) {
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        byte[] salt = ("mnemonic" + password).getBytes(StandardCharsets.UTF_8);
        pbkdf2.init(entropy, salt, PBKDF2_ROUNDS);
        byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(64 * 8)).getKey();
        return java.util.Arrays.copyOf(seed, 32);
    }

    private static Map<String, Integer> loadWordlist() {
        try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("bip39-english.txt missing from the classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            if (lines.length != 2048) {
                throw new IllegalStateException("bip39-english.txt has " + lines.length + " words, not 2048");
            }
            Map<String, Integer> words = new HashMap<>();
            for (int i = 0; i < lines.length; i++) {
                words.put(lines[i], i);
            }
            return Map.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bip39-english.txt", e);
        }
    }
}
