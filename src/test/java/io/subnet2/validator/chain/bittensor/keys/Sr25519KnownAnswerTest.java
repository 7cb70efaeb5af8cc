package io.subnet2.validator.chain.bittensor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Known answers of Substrate's development accounts and schnorrkel's signature format. */
class Sr25519KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ALICE_PUBLIC = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    @Test
    void aliceIsTheWellKnownDevAccount() {
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        assertThat(HEX.formatHex(alice.publicKey())).isEqualTo(ALICE_PUBLIC);
        assertThat(alice.ss58()).isEqualTo(ALICE_SS58);
        assertThat(Sr25519Keypair.fromUri(SecretUri.DEV_PHRASE + "//Alice")).isEqualTo(alice);
    }

    @Test
    void bobAndTheBareDevPhraseAreKnownToo() {
        // subkey inspect //Bob and the dev phrase without a path (Substrate's documented dev accounts)
        assertThat(Sr25519Keypair.fromUri("//Bob").ss58()).isEqualTo("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
        assertThat(HEX.formatHex(Sr25519Keypair.fromUri(SecretUri.DEV_PHRASE).publicKey()))
                .isEqualTo("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    }

    @Test
    void signaturesVerifyAndCarryTheSchnorrkelMarker() {
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        byte[] message = "1.5GrwvaEF.5FHneW46.uuid.a7ffc6f8".getBytes(StandardCharsets.UTF_8);
        byte[] signature = alice.sign(message);
        assertThat(signature).hasSize(64);
        assertThat(signature[63] & 0x80).isEqualTo(0x80);
        assertThat(Sr25519.verify(alice.publicKey(), message, signature)).isTrue();
        assertThat(alice.sign(message)).as("randomised").isNotEqualTo(signature);
    }

    @Test
    void forgeriesAndGarbageAreRejectedWithoutThrowing() {
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        Sr25519Keypair bob = Sr25519Keypair.fromUri("//Bob");
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = alice.sign(message);

        assertThat(Sr25519.verify(bob.publicKey(), message, signature)).as("other key").isFalse();
        assertThat(Sr25519.verify(alice.publicKey(), "hellp".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        for (int i = 0; i < 64; i++) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x01;
            assertThat(Sr25519.verify(alice.publicKey(), message, flipped)).as("bit flipped in byte " + i).isFalse();
        }
        byte[] unmarked = signature.clone();
        unmarked[63] &= 0x7f;
        assertThat(Sr25519.verify(alice.publicKey(), message, unmarked)).as("marker cleared").isFalse();
        byte[] nonCanonical = signature.clone();
        for (int i = 32; i < 63; i++) {
            nonCanonical[i] = (byte) 0xff;
        }
        assertThat(Sr25519.verify(alice.publicKey(), message, nonCanonical)).as("s >= l").isFalse();
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 1; // odd field element: not a canonical ristretto encoding
        assertThat(Sr25519.verify(notAPoint, message, signature)).isFalse();
        assertThat(Sr25519.verify(null, message, signature)).isFalse();
        assertThat(Sr25519.verify(alice.publicKey(), null, signature)).isFalse();
        assertThat(Sr25519.verify(alice.publicKey(), message, null)).isFalse();
        assertThat(Sr25519.verify(alice.publicKey(), message, new byte[63])).isFalse();
        assertThat(Sr25519.verify(new byte[31], message, signature)).isFalse();
        assertThat(Sr25519.verify(new byte[32], message, new byte[64])).isFalse();
    }

    @Test
    void theSecretStaysOutOfToString() {
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        assertThat(alice.toString()).isEqualTo("Sr25519Keypair[" + ALICE_SS58 + "]");
    }

    @Test
    void badSeedsAndUrisFailClearly() {
        assertThatThrownBy(() -> Sr25519Keypair.fromMiniSecret(new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("0x1234")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("0xzz")).hasMessageContaining("not hex");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("bottom drive obey lake curtain smoke basket hold race lonely fit fit"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("bottom drive obey lake curtain smoke basket hold race lonely fit"))
                .hasMessageContaining("11");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("bottom drive obey lake curtain smoke basket hold race lonely fit wallk"))
                .hasMessageContaining("word 12");
        assertThatThrownBy(() -> Sr25519Keypair.fromUri("ünïcode//x")).hasMessageContaining("not a secret URI");
    }
}
