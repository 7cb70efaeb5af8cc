package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** SS58 known answers and hostile input (agreement with @polkadot/util-crypto is in KeysCrossCheckTest). */
class Ss58Test {

    private static final byte[] ALICE = HexFormat.of().parseHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

    @Test
    void aliceUnderTheGenericAndPolkadotPrefixes() {
        assertThat(Ss58.encode(ALICE, 42)).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        assertThat(Ss58.encode(ALICE, 0)).isEqualTo("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
        assertThat(Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).isEqualTo(ALICE);
        assertThat(Ss58.prefix("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")).isZero();
    }

    @Test
    void twoBytePrefixesRoundTrip() {
        for (int prefix : new int[] {64, 255, 1000, 16383}) {
            String address = Ss58.encode(ALICE, prefix);
            assertThat(Ss58.prefix(address)).isEqualTo(prefix);
            assertThat(Ss58.decode(address, prefix)).isEqualTo(ALICE);
        }
    }

    @Test
    void hostileAddressesFailWithAClearMessage() {
        String alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        assertThatThrownBy(() -> Ss58.decode(alice.substring(0, 47) + "Z")).hasMessageContaining("checksum");
        assertThatThrownBy(() -> Ss58.decode(alice.replace('5', '0'))).hasMessageContaining("not a base58 character");
        assertThatThrownBy(() -> Ss58.decode(alice, 0)).hasMessageContaining("prefix 42, expected 0");
        assertThatThrownBy(() -> Ss58.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Ss58.decode(null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Ss58.decode("5".repeat(10_000))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> Ss58.decode("5Grwva")).hasMessageContaining("not a 32-byte account");
        assertThatThrownBy(() -> Ss58.decode("1111")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ss58.encode(new byte[31], 42)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Ss58.encode(ALICE, 16384)).hasMessageContaining("0..16383");
    }
}
