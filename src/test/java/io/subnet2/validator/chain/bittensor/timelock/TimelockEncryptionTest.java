package io.subnet2.validator.chain.bittensor.timelock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import supranational.blst.P1;
import supranational.blst.SecretKey;

/** Timelock encryption against drand quicknet's real round-1000 signature ({@link DrandVectors}). */
class TimelockEncryptionTest {

    static final byte[] ROUND_1000_SIGNATURE = DrandVectors.round1000Signature();

    private final TimelockEncryption tlock = TimelockEncryption.quicknet();

    @Test
    void theRound1000VectorIsQuicknetsRealSignature() {
        assertThat(tlock.verifyRound(1000, ROUND_1000_SIGNATURE)).isTrue();
        assertThat(tlock.verifyRound(1001, ROUND_1000_SIGNATURE)).isFalse();
    }

    @Test
    void encryptsToRound1000AndDecryptsWithItsPublishedSignature() {
        byte[] message = "weights for netuid 2".getBytes(StandardCharsets.UTF_8);
        TimelockCiphertext ct = tlock.encrypt(message, 1000);
        TimelockCiphertext parsed = TimelockCiphertext.parse(ct.toBytes());
        assertThat(TimelockEncryption.decrypt(parsed, ROUND_1000_SIGNATURE)).isEqualTo(message);
    }

    @Test
    void aCiphertextForAnotherRoundDoesNotOpenWithRound1000sSignature() {
        TimelockCiphertext ct = tlock.encrypt(new byte[] {1, 2, 3}, 1001);
        assertThatThrownBy(() -> TimelockEncryption.decrypt(ct, ROUND_1000_SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U does not match");
    }

    @Test
    void aSignatureUnderAnotherKeyDoesNotOpenIt() {
        SecretKey other = new SecretKey();
        other.keygen(new SecureRandom().generateSeed(32));
        byte[] forged = new P1(other).hash_to(TimelockEncryption.roundMessage(1000), Quicknet.DST).sign_with(other).compress();
        assertThat(tlock.verifyRound(1000, forged)).isFalse();
        TimelockCiphertext ct = tlock.encrypt(new byte[] {9}, 1000);
        assertThatThrownBy(() -> TimelockEncryption.decrypt(ct, forged)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAlteredBodyOrHeaderIsRefused() {
        TimelockCiphertext ct = tlock.encrypt(new byte[40], 1000);
        byte[] body = ct.aesCiphertext();
        body[0] ^= 1;
        TimelockCiphertext badBody = new TimelockCiphertext(ct.u(), ct.v(), ct.w(), body, ct.nonce(), ct.cipherSuite());
        assertThatThrownBy(() -> TimelockEncryption.decrypt(badBody, ROUND_1000_SIGNATURE)).hasMessageContaining("AES-GCM");
        byte[] w = ct.w();
        w[5] ^= 1;
        TimelockCiphertext badW = new TimelockCiphertext(ct.u(), ct.v(), w, ct.aesCiphertext(), ct.nonce(), ct.cipherSuite());
        assertThatThrownBy(() -> TimelockEncryption.decrypt(badW, ROUND_1000_SIGNATURE)).hasMessageContaining("U does not match");
    }

    @Test
    void twoEncryptionsOfOneMessageDiffer() {
        byte[] a = tlock.encrypt(new byte[] {7}, 1000).toBytes();
        byte[] b = tlock.encrypt(new byte[] {7}, 1000).toBytes();
        assertThat(Arrays.equals(a, b)).isFalse();
    }

    @Test
    void roundsFollowQuicknetsGenesisAndPeriod() {
        assertThat(Quicknet.roundAt(Instant.ofEpochSecond(Quicknet.GENESIS_SECONDS))).isEqualTo(1);
        assertThat(Quicknet.roundAt(Quicknet.timeOfRound(1000))).isEqualTo(1000);
        assertThat(Quicknet.roundAt(Quicknet.timeOfRound(1000).plusSeconds(2))).isEqualTo(1000);
        assertThat(Quicknet.timeOfRound(1000)).isEqualTo(Instant.ofEpochSecond(1_692_803_367L + 999 * 3));
    }
}
