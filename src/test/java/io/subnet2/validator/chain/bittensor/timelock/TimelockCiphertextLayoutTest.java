package io.subnet2.validator.chain.bittensor.timelock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The serialised layout of spec/bittensor.md "Commit-reveal v4", read back field by field. */
class TimelockCiphertextLayoutTest {

    @Test
    void layoutIsUThenLengthPrefixedVWBodyAndSuite() {
        byte[] message = new byte[21];
        byte[] bytes = TimelockEncryption.quicknet().encrypt(message, 1000).toBytes();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] u = new byte[96];
        in.get(u);
        assertThat(u[0] & 0x80).as("zcash compression flag").isEqualTo(0x80);
        assertThat(u[0] & 0x40).as("not the point at infinity").isZero();
        assertThat(in.getLong()).isEqualTo(32);
        in.position(in.position() + 32);
        assertThat(in.getLong()).isEqualTo(32);
        in.position(in.position() + 32);
        long body = in.getLong();
        assertThat(body).isEqualTo(8 + 21 + 16 + 8 + 12);
        assertThat(in.getLong()).as("AES output = message + 16-byte tag").isEqualTo(21 + 16);
        in.position(in.position() + 37);
        assertThat(in.getLong()).as("nonce").isEqualTo(12);
        in.position(in.position() + 12);
        assertThat(in.getLong()).isEqualTo(8);
        byte[] suite = new byte[8];
        in.get(suite);
        assertThat(new String(suite)).isEqualTo("AES_GCM_");
        assertThat(in.hasRemaining()).isFalse();
        assertThat(bytes.length).isEqualTo(96 + 8 + 32 + 8 + 32 + 8 + body + 8 + 8);
    }

    @Test
    void truncatedOverlongOrTrailingInputIsRefused() {
        byte[] bytes = TimelockEncryption.quicknet().encrypt(new byte[5], 1000).toBytes();
        assertThatThrownBy(() -> TimelockCiphertext.parse(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimelockCiphertext.parse(Arrays.copyOf(bytes, bytes.length + 1)))
                .hasMessageContaining("trailing");
        byte[] hugeLength = bytes.clone();
        ByteBuffer.wrap(hugeLength).order(ByteOrder.LITTLE_ENDIAN).putLong(96, Long.MAX_VALUE);
        assertThatThrownBy(() -> TimelockCiphertext.parse(hugeLength)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> TimelockCiphertext.parse(new byte[TimelockCiphertext.MAX_BYTES + 1]))
                .hasMessageContaining("exceeds");
    }

    @Test
    void anotherCipherSuiteIsRefused() {
        byte[] bytes = TimelockEncryption.quicknet().encrypt(new byte[5], 1000).toBytes();
        bytes[bytes.length - 1] = 'X';
        assertThatThrownBy(() -> TimelockCiphertext.parse(bytes)).hasMessageContaining("cipher suite");
    }
}
