package io.subnet2.validator.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** Page headers that lie about their size are refused before any buffer is allocated. */
class GuardedCodecsTest {

    @Test
    void refusesPagesAboveTheCapAndStopsAtTheFileBudget() throws Exception {
        ReadBudget budget = ReadBudget.current(new io.subnet2.validator.scoring.ScoringProperties.Limits(
                null, null, null, null, null, null, null, null, null, null, 3_000L));
        GuardedCodecs codecs = new GuardedCodecs("features.parquet", 1_000, budget);
        BytesInputDecompressor plain = codecs.getDecompressor(CompressionCodecName.UNCOMPRESSED);
        assertThat(plain.decompress(BytesInput.from(new byte[800]), 800).size()).isEqualTo(800);
        assertThatThrownBy(() -> plain.decompress(BytesInput.from(new byte[10]), Integer.MAX_VALUE))
                .isInstanceOf(OutputRejectedException.class).hasMessageContaining("above the limit of 1000");
        assertThatThrownBy(() -> plain.decompress(BytesInput.from(new byte[10]), -5))
                .isInstanceOf(OutputRejectedException.class);
        plain.decompress(BytesInput.from(new byte[900]), 900);
        plain.decompress(BytesInput.from(new byte[900]), 900);
        assertThatThrownBy(() -> plain.decompress(BytesInput.from(new byte[900]), 900))
                .isInstanceOf(OutputRejectedException.class).hasMessageContaining("decompression bomb");
        codecs.release();
    }

    @Test
    void internerMergesThreadTablesIntoDenseIds() {
        ByteTable first = new ByteTable(true);
        ByteTable second = new ByteTable(true);
        ByteTable.View view = new ByteTable.View();
        int[] local = new int[300_000];
        for (int i = 0; i < local.length; i++) {
            // the threads' key sets overlap: 0..199999 and 100000..299999
            ByteTable table = i < 200_000 ? first : second;
            local[i] = table.intern(view.of(("addr" + i).getBytes()));
            if (i >= 100_000 && i < 200_000) {
                second.intern(view.of(("addr" + i).getBytes()));
            }
        }
        assertThat(first.intern(view.of("addr42".getBytes()))).isEqualTo(local[42]);
        int[][] maps = new int[2][];
        Interner interner = Interner.merge(new ByteTable[] {first, second}, maps);
        assertThat(interner.size()).isEqualTo(300_000);
        boolean[] seen = new boolean[300_000];
        for (int i = 0; i < 300_000; i++) {
            int dense = interner.find(view.of(("addr" + i).getBytes()));
            assertThat(dense).isBetween(0, 299_999);
            assertThat(seen[dense]).isFalse();
            seen[dense] = true;
            assertThat(interner.string(dense)).isEqualTo("addr" + i);
            if (i < 200_000) {
                assertThat(maps[0][local[i]]).isEqualTo(dense);
            }
            if (i >= 100_000) {
                assertThat(maps[1][second.intern(view.of(("addr" + i).getBytes()))]).isEqualTo(dense);
            }
        }
        assertThat(interner.find(view.of("nobody".getBytes()))).isEqualTo(-1);
    }

    @Test
    void decimalsConvertAndBandExactly() {
        byte[] ninety = new java.math.BigDecimal("9999.999999999999999999").unscaledValue().toByteArray();
        byte[] fixed = new byte[16];
        System.arraycopy(ninety, 0, fixed, 16 - ninety.length, ninety.length);
        Decimals.Bands bands = new Decimals.Bands(java.util.List.of(10_000L), 0.8, 18);
        long hi = Decimals.hi(fixed, 0, 16);
        long lo = Decimals.lo(fixed, 0, 16);
        // the double rounds to 10000.0, the exact comparison still sees it below T
        assertThat(Decimals.toDouble(fixed, 0, 16, 18)).isEqualTo(10000.0);
        assertThat(bands.mask(hi, lo)).isEqualTo(1);
        byte[] negative = new java.math.BigDecimal("-1.5").setScale(18).unscaledValue().toByteArray();
        byte[] fixedNeg = new byte[16];
        java.util.Arrays.fill(fixedNeg, (byte) 0xff);
        System.arraycopy(negative, 0, fixedNeg, 16 - negative.length, negative.length);
        assertThat(Decimals.toDouble(fixedNeg, 0, 16, 18)).isEqualTo(-1.5);
        assertThat(Decimals.toDouble(negative, 0, negative.length, 18)).isEqualTo(-1.5);
    }
}
