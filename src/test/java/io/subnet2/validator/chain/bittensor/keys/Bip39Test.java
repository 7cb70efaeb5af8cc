package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The word list and entropy decoding against BIP-0039's published list and test vectors. */
class Bip39Test {

    @Test
    void theWordListIsTheOfficialEnglishList() throws Exception {
        try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(HexFormat.of().formatHex(digest))
                    .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
        }
    }

    @Test
    void bip39VectorsDecodeToTheirEntropy() {
        assertThat(Bip39.entropy("abandon ".repeat(11) + "about")).isEqualTo(new byte[16]);
        byte[] ones16 = new byte[16];
        Arrays.fill(ones16, (byte) 0xff);
        assertThat(Bip39.entropy("zoo ".repeat(11) + "wrong")).isEqualTo(ones16);
        byte[] ones32 = new byte[32];
        Arrays.fill(ones32, (byte) 0xff);
        assertThat(Bip39.entropy("zoo ".repeat(23) + "vote")).isEqualTo(ones32);
        assertThat(Bip39.entropy("  legal winner thank year wave sausage worth useful legal winner thank yellow "))
                .isEqualTo(HexFormat.of().parseHex("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f"));
        assertThatThrownBy(() -> Bip39.entropy("abandon ".repeat(12).trim())).hasMessageContaining("checksum");
    }

    @Test
    void substrateBip39VectorAndThePasswordSaltsTheMiniSecret() {
        byte[] entropy = new byte[16];
        // substrate-bip39's first test vector (password "Substrate"): the seed's first 32 bytes
        assertThat(HexFormat.of().formatHex(Bip39.miniSecret(entropy, "Substrate")))
                .isEqualTo("44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e3");
        assertThat(Bip39.miniSecret(entropy, "")).hasSize(32).isNotEqualTo(Bip39.miniSecret(entropy, "x"));
    }
}
