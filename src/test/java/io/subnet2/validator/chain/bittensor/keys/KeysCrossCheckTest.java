package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.testsupport.NodeScript;
import tools.jackson.databind.JsonNode;

/**
 * Our schnorrkel, SS58, substrate-bip39 and $NACL code against independent implementations on Node.js
 * (src/test/node/sr25519/check.mjs): @polkadot/wasm-crypto (the Rust schnorrkel and substrate-bip39 crates
 * compiled to wasm), @scure/sr25519 (pure JS, also behind @polkadot/keyring), @polkadot/util-crypto's SS58 and
 * libsodium (the C library btwallet's sodiumoxide wraps).
 */
class KeysCrossCheckTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration QUICK = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void javaSignaturesVerifyInBothNodeImplementations() {
        List<Map<String, Object>> requests = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (byte[] message : messages()) {
            Sr25519Keypair pair = Sr25519Keypair.fromMiniSecret(random(32));
            byte[] signature = pair.sign(message);
            requests.add(verify(pair.publicKey(), message, signature));
            expected.add(true);
            byte[] tampered = signature.clone();
            tampered[RANDOM.nextInt(64)] ^= (byte) (1 << RANDOM.nextInt(7));
            requests.add(verify(pair.publicKey(), message, tampered));
            expected.add(false);
        }
        JsonNode answers = node(requests, QUICK);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(answers.get(i).get("wasm").booleanValue()).as("wasm verdict " + i).isEqualTo(expected.get(i));
            assertThat(answers.get(i).get("scure").booleanValue()).as("scure verdict " + i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void nodeSignaturesVerifyInJavaAndKeysFromSeedsAgree() {
        List<byte[]> seeds = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        List<byte[]> messages = messages();
        for (byte[] message : messages) {
            byte[] seed = random(32);
            seeds.add(seed);
            requests.add(Map.of("op", "sign", "seed", HEX.formatHex(seed), "message", HEX.formatHex(message)));
        }
        JsonNode answers = node(requests, QUICK);
        for (int i = 0; i < messages.size(); i++) {
            JsonNode answer = answers.get(i);
            byte[] publicKey = HEX.parseHex(field(answer, "publicKey"));
            assertThat(Sr25519Keypair.fromMiniSecret(seeds.get(i)).publicKey()).isEqualTo(publicKey);
            for (String impl : List.of("wasm", "scure")) {
                byte[] signature = HEX.parseHex(field(answer, impl));
                assertThat(Sr25519.verify(publicKey, messages.get(i), signature)).as(impl + " signature " + i).isTrue();
                byte[] other = messages.get(i).length == 0 ? new byte[] {0} : flipFirst(messages.get(i));
                assertThat(Sr25519.verify(publicKey, other, signature)).as(impl + " other message " + i).isFalse();
            }
        }
    }

    @Test
    void secretUrisDeriveTheSameKeysAsKeyringAndSchnorrkel() {
        JsonNode generated = node(List.of(Map.of("op", "mnemonic", "words", 12), Map.of("op", "mnemonic", "words", 24)),
                QUICK);
        String phrase12 = field(generated.get(0), "phrase");
        String phrase24 = field(generated.get(1), "phrase");
        // substrate-bip39 mini secret of a fresh mnemonic, from the Rust crate
        assertThat(HEX.formatHex(Bip39.miniSecret(Bip39.entropy(phrase12), "")))
                .isEqualTo(field(generated.get(0), "miniSecret"));
        String longJunction = "x".repeat(40);
        // not here: junctions past u64 or starting with 0x, where polkadot.js departs from sp_core (SecretUriTest)
        List<String> uris = List.of("//Alice", "//Bob", "//Alice/stash", "//0", "//42", "//18446744073709551615",
                "//1/2//3", "//" + longJunction, "//Alice///secret",
                phrase12, phrase12 + "//hotkey", phrase12 + "//validator//0", phrase12 + "/soft", phrase12 + "///pw",
                phrase24 + "//default", "0x" + HEX.formatHex(random(32)) + "//hot/1");
        JsonNode answers = node(uris.stream().map(u -> Map.<String, Object>of("op", "uri", "uri", u)).toList(), QUICK);
        for (int i = 0; i < uris.size(); i++) {
            Sr25519Keypair pair = Sr25519Keypair.fromUri(uris.get(i));
            JsonNode answer = answers.get(i);
            assertThat(HEX.formatHex(pair.publicKey())).as("keyring " + uris.get(i)).isEqualTo(field(answer, "keyring"));
            assertThat(HEX.formatHex(pair.publicKey())).as("wasm " + uris.get(i)).isEqualTo(field(answer, "wasm"));
            assertThat(pair.ss58()).isEqualTo(field(answer, "ss58"));
        }
    }

    @Test
    void ss58AgreesBothWays() {
        int[] prefixes = {0, 2, 42, 63, 64, 255, 1000, 16383};
        List<Map<String, Object>> requests = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int prefix : prefixes) {
            byte[] key = random(32);
            keys.add(key);
            requests.add(Map.of("op", "ss58Encode", "publicKey", HEX.formatHex(key), "prefix", prefix));
            requests.add(Map.of("op", "ss58Decode", "address", Ss58.encode(key, prefix)));
        }
        String corrupted = corrupt(Ss58.encode(keys.get(2), 42));
        requests.add(Map.of("op", "ss58Decode", "address", corrupted));
        JsonNode answers = node(requests, QUICK);
        for (int i = 0; i < prefixes.length; i++) {
            String nodeAddress = field(answers.get(2 * i), "address");
            assertThat(Ss58.encode(keys.get(i), prefixes[i])).as("prefix " + prefixes[i]).isEqualTo(nodeAddress);
            assertThat(Ss58.decode(nodeAddress, prefixes[i])).isEqualTo(keys.get(i));
            assertThat(field(answers.get(2 * i + 1), "publicKey")).isEqualTo(HEX.formatHex(keys.get(i)));
        }
        assertThat(answers.get(2 * prefixes.length).has("error")).as("node refuses " + corrupted).isTrue();
        assertThatThrownBy(() -> Ss58.decode(corrupted)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateKeysInBothLayoutsLoadFromKeyfiles() throws Exception {
        byte[] seed = random(32);
        JsonNode answer = node(List.of(Map.of("op", "publicFromSeed", "seed", HEX.formatHex(seed))), QUICK).get(0);
        String publicKey = field(answer, "wasm");
        assertThat(field(answer, "scure")).isEqualTo(publicKey);
        byte[] ed25519Layout = HEX.parseHex(field(answer, "secret"));
        byte[] schnorrkelLayout = ed25519Layout.clone();
        divideByCofactor(schnorrkelLayout);
        for (byte[] secret : List.of(ed25519Layout, schnorrkelLayout)) {
            Path file = dir.resolve("pk");
            Files.writeString(file, "{\"privateKey\": \"0x%s\", \"publicKey\": \"0x%s\"}".formatted(HEX.formatHex(secret),
                    publicKey));
            LoadedHotkey hotkey = Keyfile.load(file, Optional.empty());
            assertThat(HEX.formatHex(hotkey.publicKey())).isEqualTo(publicKey);
            byte[] message = {1, 2, 3};
            JsonNode verdict = node(List.of(verify(hotkey.publicKey(), message, hotkey.keypair().sign(message))), QUICK);
            assertThat(verdict.get(0).get("wasm").booleanValue()).isTrue();
        }
    }

    @Test
    void argon2iAndSecretboxAgreeWithLibsodium() {
        byte[] key = random(32);
        byte[] nonce = random(24);
        byte[] plaintext = "{\"secretPhrase\": \"bottom drive obey\"}".getBytes(StandardCharsets.UTF_8);
        JsonNode answers = node(List.of(
                Map.of("op", "argon2i", "password", "pässword", "opsLimit", 3, "memLimitBytes", 8 << 20),
                Map.of("op", "secretbox", "plaintext", HEX.formatHex(plaintext), "key", HEX.formatHex(key),
                        "nonce", HEX.formatHex(nonce))), QUICK);
        assertThat(HEX.formatHex(NaclKeyfileCipher.deriveKey("pässword", 3, 8 * 1024)))
                .isEqualTo(field(answers.get(0), "key"));
        byte[] file = NaclKeyfileCipher.seal(plaintext, key, nonce);
        assertThat(HEX.formatHex(file, 29, file.length)).isEqualTo(field(answers.get(1), "box"));
    }

    @Test
    void naclKeyfilesOfLibsodiumAndJavaOpenInTheOther() throws Exception {
        // full btwallet parameters (Argon2i, 8 passes over 512 MiB): two key derivations in Java, one in Node
        String password = "correct horse battery staple";
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        String json = "{\"secretSeed\": \"0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a\", "
                + "\"publicKey\": \"0x" + HEX.formatHex(alice.publicKey()) + "\", \"ss58Address\": \"" + alice.ss58() + "\"}";
        byte[] javaFile = NaclKeyfileCipher.encrypt(json.getBytes(StandardCharsets.UTF_8), password);
        JsonNode answers = node(List.of(
                Map.of("op", "naclEncrypt", "plaintext", json, "password", password),
                Map.of("op", "naclDecrypt", "file", HEX.formatHex(javaFile), "password", password)), Duration.ofMinutes(8));
        assertThat(field(answers.get(1), "plaintext")).as("libsodium opens Java's file").isEqualTo(json);

        Path nodeFile = dir.resolve("hotkey");
        Files.write(nodeFile, HEX.parseHex(field(answers.get(0), "file")));
        LoadedHotkey hotkey = Keyfile.load(nodeFile, Optional.of(password));
        assertThat(hotkey.keypair()).isEqualTo(alice);
        assertThat(hotkey.ss58Address()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    }

    private static JsonNode node(List<Map<String, Object>> requests, Duration timeout) {
        JsonNode answers = NodeScript.run("sr25519", "check.mjs", requests, timeout);
        assertThat(answers.size()).isEqualTo(requests.size());
        return answers;
    }

    /** A string field of a Node answer; fails with the whole answer (e.g. its error) when it is missing. */
    private static String field(JsonNode answer, String name) {
        JsonNode value = answer.get(name);
        assertThat(value != null && value.isString()).as("node answered " + answer + " (expected " + name + ")").isTrue();
        return value.stringValue();
    }

    private static Map<String, Object> verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Map.of("op", "verify", "publicKey", HEX.formatHex(publicKey), "message", HEX.formatHex(message),
                "signature", HEX.formatHex(signature));
    }

    private static List<byte[]> messages() {
        return List.of(new byte[0], "x".getBytes(StandardCharsets.UTF_8), random(1000),
                ("1733000000000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY."
                        + "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.0f6bd2a2-c1a0-11ef-8000-0242ac120002."
                        + "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] flipFirst(byte[] message) {
        byte[] other = message.clone();
        other[0] ^= 1;
        return other;
    }

    private static String corrupt(String address) {
        char last = address.charAt(address.length() - 1);
        return address.substring(0, address.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    /** schnorrkel's to_bytes layout from the to_ed25519_bytes one: the scalar (first 32 bytes, LE) divided by 8. */
    private static void divideByCofactor(byte[] secret) {
        int low = 0;
        for (int i = 31; i >= 0; i--) {
            int b = secret[i] & 0xff;
            secret[i] = (byte) ((b >>> 3) | low);
            low = (b & 7) << 5;
        }
    }
}
