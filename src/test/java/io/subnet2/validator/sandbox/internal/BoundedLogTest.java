package io.subnet2.validator.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedLogTest {

    @Test
    void keepsEverythingUnderTheLimit() {
        BoundedLog log = new BoundedLog(20);
        log.append(bytes("hello "));
        log.append(bytes("world"));

        assertThat(log.excerpt()).isEqualTo("hello world");
        assertThat(log.totalBytes()).isEqualTo(11);
        assertThat(log.droppedBytes()).isZero();
    }

    @Test
    void keepsHeadAndTailAndCountsTheRest() {
        BoundedLog log = new BoundedLog(8);
        log.append(bytes("ABCD"));
        for (int i = 0; i < 1000; i++) {
            log.append(bytes("xxxxxxxxxx"));
        }
        log.append(bytes("wxyz"));

        assertThat(log.totalBytes()).isEqualTo(10_008);
        assertThat(log.droppedBytes()).isEqualTo(10_000);
        assertThat(log.excerpt()).isEqualTo("ABCD\n[... 10000 bytes dropped ...]\nwxyz");
    }

    @Test
    void oneHugeChunkKeepsItsFirstAndLastBytes() {
        BoundedLog log = new BoundedLog(6);
        log.append(bytes("0123456789"));

        assertThat(log.excerpt()).isEqualTo("012\n[... 4 bytes dropped ...]\n789");
    }

    @Test
    void tailWrapsAroundItsRing() {
        BoundedLog log = new BoundedLog(4);
        for (char c = 'a'; c <= 'z'; c++) {
            log.append(new byte[] {(byte) c});
        }
        assertThat(log.excerpt()).isEqualTo("ab\n[... 22 bytes dropped ...]\nyz");
        log.append(null);
        assertThat(log.totalBytes()).isEqualTo(26);
    }

    @Test
    void invalidUtf8IsReplacedAndTinyLimitsAreRefused() {
        BoundedLog log = new BoundedLog(16);
        log.append(new byte[] {'o', 'k', (byte) 0xff});
        assertThat(log.excerpt()).isEqualTo("ok\uFFFD");
        assertThatThrownBy(() -> new BoundedLog(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
