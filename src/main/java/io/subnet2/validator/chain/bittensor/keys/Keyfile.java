package io.subnet2.validator.chain.bittensor.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Bittensor hotkey file ({@code <wallet path>/<wallet>/hotkeys/<hotkey>}) as btwallet writes it: JSON
 * with {@code secretPhrase}, {@code secretSeed}, {@code privateKey} (0x hex), {@code publicKey},
 * {@code accountId}, {@code ss58Address}, plain or {@code $NACL}-encrypted ({@link NaclKeyfileCipher}). Like
 * btwallet the key comes from the phrase, else the seed, else the private key; unlike btwallet the result must
 * match every public key the file states, which also refuses ed25519 keys (their public key differs).
 */
public final class Keyfile {

    /** The environment variable the validator reads the password of an encrypted hotkey from. */
    public static final String PASSWORD_ENV = "BT_WALLET_PASSWORD";
    static final int MAX_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Keyfile() {
    }

    public static LoadedHotkey load(Path file, Optional<String> password) {
        byte[] data;
        try {
            if (Files.isDirectory(file)) {
                throw new KeyfileException("hotkey file " + file + " is a directory, not a keyfile");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new KeyfileException("hotkey file " + file + " has " + size + " bytes: not a keyfile (at most "
                        + MAX_BYTES + ")");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyfileException("hotkey file " + file + " does not exist (check the wallet name, hotkey and path)");
        } catch (IOException e) {
            throw new KeyfileException("cannot read hotkey file " + file + ": " + e.getMessage());
        }
        return parse(data, password, file);
    }

    static LoadedHotkey parse(byte[] data, Optional<String> password, Path file) {
        if (NaclKeyfileCipher.isEncrypted(data)) {
            String pw = password.orElseThrow(() -> new KeyfileException("hotkey file " + file
                    + " is encrypted ($NACL): set " + PASSWORD_ENV + " to its password"));
            try {
                data = NaclKeyfileCipher.decrypt(data, pw);
            } catch (NaclKeyfileCipher.WrongPasswordException e) {
                throw new KeyfileException("cannot decrypt hotkey file " + file + ": wrong password in " + PASSWORD_ENV
                        + " or a damaged file");
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new KeyfileException("cannot decrypt hotkey file " + file + ": " + e.getMessage());
            }
        } else if (startsWith(data, "$ANSIBLE_VAULT") || startsWith(data, "gAAAAA")) {
            throw new KeyfileException("hotkey file " + file + " uses a legacy encryption (ansible vault or fernet) "
                    + "this validator does not read: re-encrypt it with a current btcli");
        }
        JsonNode json;
        try {
            json = JSON.readTree(data);
        } catch (JacksonException e) {
            throw new KeyfileException("hotkey file " + file + " is not JSON (a keyfile holds secretPhrase, secretSeed, "
                    + "publicKey, ss58Address)");
        }
        if (json == null || !json.isObject()) {
            throw new KeyfileException("hotkey file " + file + " is not a JSON object");
        }
        Sr25519Keypair pair = keypair(json, file);
        check(pair, hex(json, "publicKey", file), "publicKey", file);
        check(pair, hex(json, "accountId", file), "accountId", file);
        String ss58 = text(json, "ss58Address", file);
        if (ss58 != null) {
            byte[] stated;
            try {
                stated = Ss58.decode(ss58);
            } catch (IllegalArgumentException e) {
                throw new KeyfileException("hotkey file " + file + ": ss58Address " + e.getMessage());
            }
            check(pair, stated, "ss58Address", file);
        }
        return new LoadedHotkey(pair, pair.ss58(), file);
    }

    private static Sr25519Keypair keypair(JsonNode json, Path file) {
        String phrase = text(json, "secretPhrase", file);
        byte[] seed = hex(json, "secretSeed", file);
        byte[] privateKey = hex(json, "privateKey", file);
        try {
            if (phrase != null) {
                return Sr25519Keypair.fromMiniSecret(Bip39.miniSecret(Bip39.entropy(phrase), ""));
            }
            if (seed != null) {
                return Sr25519Keypair.fromMiniSecret(seed);
            }
            if (privateKey != null) {
                return fromPrivateKey(privateKey, hex(json, "publicKey", file));
            }
        } catch (IllegalArgumentException e) {
            throw new KeyfileException("hotkey file " + file + ": " + e.getMessage());
        }
        throw new KeyfileException("hotkey file " + file + " holds no secret (secretPhrase, secretSeed or privateKey): "
                + "a public-only keyfile cannot sign");
    }

    /**
     * btwallet writes schnorrkel's {@code SecretKey::to_bytes}; other tools write the "ed25519" layout or a 32-byte
     * seed. The stated public key tells which one it is.
     */
    private static Sr25519Keypair fromPrivateKey(byte[] privateKey, byte[] statedPublic) {
        if (privateKey.length == Sr25519Keypair.MINI_SECRET_LENGTH) {
            return Sr25519Keypair.fromMiniSecret(privateKey);
        }
        Sr25519Keypair plain;
        try {
            plain = Sr25519Keypair.fromSecretKey(privateKey);
        } catch (IllegalArgumentException e) {
            return Sr25519Keypair.fromEd25519SecretKey(privateKey);
        }
        if (statedPublic == null || MessageDigest.isEqual(plain.publicKey(), statedPublic)) {
            return plain;
        }
        return Sr25519Keypair.fromEd25519SecretKey(privateKey);
    }

    private static void check(Sr25519Keypair pair, byte[] stated, String field, Path file) {
        if (stated != null && !MessageDigest.isEqual(stated, pair.publicKey())) {
            throw new KeyfileException("hotkey file " + file + ": " + field + " does not match the sr25519 key derived "
                    + "from its secret (an ed25519 key, which Bittensor refuses, or a damaged file)");
        }
    }

    private static String text(JsonNode json, String field, Path file) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new KeyfileException("hotkey file " + file + ": " + field + " is not a string");
        }
        return node.stringValue();
    }

    private static byte[] hex(JsonNode json, String field, Path file) {
        String value = text(json, field, file);
        if (value == null) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value.startsWith("0x") ? value.substring(2) : value);
        } catch (IllegalArgumentException e) {
            throw new KeyfileException("hotkey file " + file + ": " + field + " is not hex");
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return data.length >= p.length && java.util.Arrays.equals(data, 0, p.length, p, 0, p.length);
    }
}
