package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;

/** Our bare permutation, run as a SHA3-256 sponge, against BouncyCastle's SHA3-256 (several blocks, all lengths). */
class Keccak1600Test {

    @Test
    void spongeOverThePermutationIsSha3() {
        SecureRandom random = new SecureRandom();
        for (int length : new int[] {0, 1, 135, 136, 137, 300, 1000}) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            SHA3Digest sha3 = new SHA3Digest(256);
            sha3.update(message, 0, length);
            byte[] expected = new byte[32];
            sha3.doFinal(expected, 0);
            assertThat(sha3256(message)).as("length " + length).isEqualTo(expected);
        }
    }

    private static byte[] sha3256(byte[] message) {
        int rate = 136;
        byte[] state = new byte[200];
        byte[] padded = Arrays.copyOf(message, (message.length / rate + 1) * rate);
        padded[message.length] ^= 0x06;
        padded[padded.length - 1] ^= (byte) 0x80;
        for (int block = 0; block < padded.length; block += rate) {
            for (int i = 0; i < rate; i++) {
                state[i] ^= padded[block + i];
            }
            Keccak1600.permute(state);
        }
        return Arrays.copyOf(state, 32);
    }
}
