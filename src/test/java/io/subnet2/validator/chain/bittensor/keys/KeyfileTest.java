package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hotkey files as btwallet writes them, and every way one can be wrong. */
class KeyfileTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    /** The dev phrase's mini secret (subkey inspect), i.e. what btwallet writes as secretSeed. */
    private static final String SEED = "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";
    private static final String PUBLIC = "0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
    private static final String SS58 = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

    @TempDir
    Path dir;

    @Test
    void aBtwalletHotkeyFileLoadsAndSigns() throws IOException {
        Path file = write("default", """
                {"accountId": "%s", "publicKey": "%s", "secretPhrase": "%s", "secretSeed": "%s", "ss58Address": "%s"}"""
                .formatted(PUBLIC, PUBLIC, PHRASE, SEED, SS58));
        LoadedHotkey hotkey = Keyfile.load(file, Optional.empty());
        assertThat(hotkey.ss58Address()).isEqualTo(SS58);
        assertThat(HEX.formatHex(hotkey.publicKey())).isEqualTo(PUBLIC.substring(2));
        assertThat(hotkey.file()).isEqualTo(file);
        byte[] message = "nonce.hotkey.axon.uuid.hash".getBytes(StandardCharsets.UTF_8);
        assertThat(Sr25519.verify(hotkey.publicKey(), message, hotkey.keypair().sign(message))).isTrue();
    }

    @Test
    void theSeedAloneIsEnoughAndNullFieldsAreAbsentFields() throws IOException {
        Path file = write("seed", """
                {"secretPhrase": null, "secretSeed": "%s", "publicKey": "%s", "ss58Address": null}""".formatted(SEED, PUBLIC));
        assertThat(Keyfile.load(file, Optional.empty()).ss58Address()).isEqualTo(SS58);
    }

    @Test
    void anEd25519KeyfileIsRefused() throws IOException {
        byte[] seed = HEX.parseHex(SEED.substring(2));
        byte[] ed25519Public = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        Path file = write("ed", """
                {"secretSeed": "%s", "publicKey": "0x%s"}""".formatted(SEED, HEX.formatHex(ed25519Public)));
        assertOneLineError(file, "publicKey does not match", "ed25519");
    }

    @Test
    void aPhraseThatDisagreesWithTheStatedAddressIsRefused() throws IOException {
        String bob = Sr25519Keypair.fromUri("//Bob").ss58();
        assertOneLineError(write("swapped", """
                {"secretPhrase": "%s", "ss58Address": "%s"}""".formatted(PHRASE, bob)), "ss58Address does not match");
        assertOneLineError(write("badss58", """
                {"secretPhrase": "%s", "ss58Address": "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzW"}""".formatted(PHRASE)),
                "checksum");
    }

    @Test
    void brokenFilesFailWithOneClearLine() throws IOException {
        assertOneLineError(dir.resolve("absent"), "does not exist");
        assertOneLineError(dir, "is a directory");
        assertOneLineError(write("big", "{\"x\":\"" + "a".repeat(70_000) + "\"}"), "not a keyfile");
        assertOneLineError(write("text", "hello"), "is not JSON");
        assertOneLineError(write("array", "[1,2]"), "not a JSON object");
        assertOneLineError(write("public", "{\"ss58Address\": \"%s\", \"publicKey\": \"%s\"}".formatted(SS58, PUBLIC)),
                "holds no secret");
        assertOneLineError(write("number", "{\"secretSeed\": 42}"), "secretSeed is not a string");
        assertOneLineError(write("hex", "{\"secretSeed\": \"0xzz\"}"), "secretSeed is not hex");
        assertOneLineError(write("short", "{\"secretSeed\": \"0x0102\"}"), "32 bytes");
        assertOneLineError(write("typo", "{\"secretPhrase\": \"bottom drive obey lake curtain smoke basket hold race "
                + "lonely fit fit\"}"), "checksum");
        assertOneLineError(write("vault", "$ANSIBLE_VAULT;1.1;AES256\n3132"), "legacy encryption");
    }

    @Test
    void anEncryptedFileWithoutPasswordNamesTheVariable() throws IOException {
        byte[] sealed = NaclKeyfileCipher.seal("{}".getBytes(StandardCharsets.UTF_8), new byte[32], new byte[24]);
        Path file = dir.resolve("encrypted");
        Files.write(file, sealed);
        assertOneLineError(file, "is encrypted ($NACL)", "set " + Keyfile.PASSWORD_ENV);
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() throws IOException {
        // sealed under a key no password derives to: any password is wrong (one 512 MiB Argon2i run)
        byte[] sealed = NaclKeyfileCipher.seal("{}".getBytes(StandardCharsets.UTF_8), new byte[32], new byte[24]);
        Path file = dir.resolve("encrypted");
        Files.write(file, sealed);
        assertThatThrownBy(() -> Keyfile.load(file, Optional.of("guess"))).isInstanceOf(KeyfileException.class)
                .hasMessageContaining("wrong password in " + Keyfile.PASSWORD_ENV).hasMessageNotContaining("\n");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void assertOneLineError(Path file, String... fragments) {
        assertThatThrownBy(() -> Keyfile.load(file, Optional.empty()))
                .isInstanceOf(KeyfileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContainingAll(fragments)
                .hasMessageNotContaining("\n");
    }
}
