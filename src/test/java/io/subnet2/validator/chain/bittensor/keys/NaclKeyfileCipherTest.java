package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The secretbox layer of $NACL files with a fixed key (the 512 MiB Argon2i step, and agreement with libsodium,
 * are in KeysCrossCheckTest and KeyfileTest).
 */
class NaclKeyfileCipherTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] NONCE = new byte[24];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(NONCE, (byte) 9);
    }

    @Test
    void sealsAndOpensWithTheLayoutOfBtwallet() throws Exception {
        byte[] plaintext = "{\"secretSeed\":\"0x01\"}".getBytes(StandardCharsets.UTF_8);
        byte[] file = NaclKeyfileCipher.seal(plaintext, KEY, NONCE);
        assertThat(new String(file, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("$NACL");
        assertThat(Arrays.copyOfRange(file, 5, 29)).isEqualTo(NONCE);
        assertThat(file).hasSize(5 + 24 + 16 + plaintext.length);
        assertThat(NaclKeyfileCipher.open(file, KEY)).isEqualTo(plaintext);
    }

    @Test
    void everyFlippedBitAndAnotherKeyAreRefused() {
        byte[] file = NaclKeyfileCipher.seal("{}".getBytes(StandardCharsets.UTF_8), KEY, NONCE);
        for (int i = 5; i < file.length; i++) {
            byte[] flipped = file.clone();
            flipped[i] ^= 1;
            assertThatThrownBy(() -> NaclKeyfileCipher.open(flipped, KEY)).as("byte " + i)
                    .isInstanceOf(NaclKeyfileCipher.WrongPasswordException.class);
        }
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;
        assertThatThrownBy(() -> NaclKeyfileCipher.open(file, otherKey))
                .isInstanceOf(NaclKeyfileCipher.WrongPasswordException.class);
    }

    @Test
    void truncatedFilesFailBeforeTheExpensiveKeyDerivation() {
        assertThatThrownBy(() -> NaclKeyfileCipher.decrypt("$NACLshort".getBytes(StandardCharsets.US_ASCII), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThat(NaclKeyfileCipher.isEncrypted("$NAC".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
