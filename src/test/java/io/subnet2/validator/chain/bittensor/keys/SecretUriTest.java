package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Junction chain codes as sp_core's DeriveJunction computes them (own vectors: polkadot.js, the Node.js
 * cross-check, encodes numbers past u64 and {@code 0x} junctions differently from the Rust code btwallet uses).
 */
class SecretUriTest {

    @Test
    void numbersWithinU64AreLittleEndianEightBytes() {
        byte[] expected = new byte[32];
        expected[0] = 42;
        assertThat(SecretUri.chainCode("42")).isEqualTo(expected);
        byte[] max = new byte[32];
        Arrays.fill(max, 0, 8, (byte) 0xff);
        assertThat(SecretUri.chainCode("18446744073709551615")).isEqualTo(max);
    }

    @Test
    void otherJunctionsAreScaleStringsPaddedOrHashed() {
        // u64::from_str fails past 2^64 - 1: the junction is then the string, compact length 20 << 2 = 80
        byte[] past = SecretUri.chainCode("18446744073709551616");
        assertThat(past[0]).isEqualTo((byte) 80);
        assertThat(new String(past, 1, 20, StandardCharsets.US_ASCII)).isEqualTo("18446744073709551616");
        byte[] hex = SecretUri.chainCode("0x01");
        assertThat(hex[0]).isEqualTo((byte) 16);
        assertThat(new String(hex, 1, 4, StandardCharsets.US_ASCII)).isEqualTo("0x01");
        // 40 characters + 1 length byte > 32: blake2b-256 of the encoding
        assertThat(HexFormat.of().formatHex(SecretUri.chainCode("x".repeat(40)))).hasSize(64)
                .isNotEqualTo(HexFormat.of().formatHex(SecretUri.chainCode("x".repeat(39))));
    }

    @Test
    void pathAndPasswordAreSplitLikeSpCore() {
        SecretUri uri = SecretUri.parse(SecretUri.DEV_PHRASE + "//hard/soft///pass/word");
        assertThat(uri.phrase()).isEqualTo(SecretUri.DEV_PHRASE);
        assertThat(uri.junctions()).extracting(SecretUri.Junction::hard).containsExactly(true, false);
        assertThat(uri.password()).isEqualTo("pass/word");
        assertThat(SecretUri.parse("//Alice").phrase()).isEqualTo(SecretUri.DEV_PHRASE);
        assertThat(uri.toString()).doesNotContain("bottom").doesNotContain("pass");
    }
}
