package io.subnet2.validator.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.subnet2.validator.scoring.ScoringProperties;

/** The bulk page decoder gives exactly the per-value column readers' columns, on awkward files too. */
class BulkPagesTest {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message transfers {
              required binary from_address (STRING);
              optional binary to_address (STRING);
              optional int64 block_timestamp;
              optional fixed_len_byte_array(16) amount_usd (DECIMAL(38,18));
            }""");

    private static final int ROWS = 23_456;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(WriterVersion.class)
    void bulkColumnsEqualPerValueColumns(WriterVersion version) throws IOException {
        Path file = dir.resolve("transfers-" + version + ".parquet");
        write(file, version, false);
        ScoringProperties props = ScoringProperties.defaults();
        long bulkChunks = BulkPages.BULK.sum();
        long replayedChunks = BulkPages.REPLAYED.sum();
        TransferReader.Columns bulk = TransferReader.read(file, props, true);
        if (version == WriterVersion.PARQUET_1_0) {
            assertThat(BulkPages.BULK.sum() - bulkChunks).isGreaterThanOrEqualTo(10);
        }
        // ts chunks with nulls, plain addresses after dictionary fallback, all DataPageV2 chunks
        assertThat(BulkPages.REPLAYED.sum() - replayedChunks).isGreaterThan(2);
        TransferReader.Columns perValue = TransferReader.read(file, props, false);

        assertThat(bulk.rows()).isEqualTo(ROWS).isEqualTo(perValue.rows());
        assertThat(bulk.addresses().size()).isEqualTo(perValue.addresses().size()).isEqualTo(5_000);
        assertThat(bulk.ts()).isEqualTo(perValue.ts());
        assertThat(bulk.usd()).isEqualTo(perValue.usd());
        assertThat(bulk.bands()).isEqualTo(perValue.bands());
        for (int r = 0; r < ROWS; r++) {
            assertThat(name(bulk, bulk.from()[r])).isEqualTo(name(perValue, perValue.from()[r])).isEqualTo(from(r));
            assertThat(name(bulk, bulk.to()[r])).isEqualTo(name(perValue, perValue.to()[r])).isEqualTo(to(r));
        }
        // spot checks against what was written: nulls, plain and dictionary values
        assertThat(bulk.ts()[0]).isEqualTo(ts(0));
        assertThat(bulk.ts()[ROWS - 1]).isEqualTo(ts(ROWS - 1));
        assertThat(bulk.ts()[20_000 - 20_000 % 97 + 97]).isEqualTo(Long.MIN_VALUE);
        assertThat(bulk.usd()[13]).isEqualTo(13 * 1.25);
        assertThat(bulk.usd()[12_012]).isNaN();
        assertThat(bulk.usd()[14]).isEqualTo(14 * 1.25);
    }

    @Test
    void nullAddressesAreRejectedOnBothPaths() throws IOException {
        Path file = dir.resolve("null-to.parquet");
        write(file, WriterVersion.PARQUET_1_0, true);
        ScoringProperties props = ScoringProperties.defaults();
        for (boolean bulk : new boolean[] {true, false}) {
            assertThatThrownBy(() -> TransferReader.read(file, props, bulk))
                    .isInstanceOf(OutputRejectedException.class).hasMessageContaining("null addresses");
        }
    }

    private static String name(TransferReader.Columns columns, int id) {
        return columns.addresses().string(id);
    }

    private static String from(int r) {
        // row groups 0-1 see few addresses (dictionary pages); later ones many (plain after dictionary fallback)
        return "0xfrom" + (r < 8_000 ? r % 50 : (r * 7919L) % 5_000);
    }

    private static String to(int r) {
        return "0xfrom" + (r * 31L) % 5_000;
    }

    private static long ts(int r) {
        return 1_700_000_000_000L + r / 3 * 12_000L;
    }

    /** Row groups of about 4,000 rows, small pages and dictionaries; ts nulls from row 20,000, usd nulls every 13th from row 12,000. */
    private static void write(Path file, WriterVersion version, boolean nullAddress) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA).withWriterVersion(version).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withRowGroupRowCountLimit(4_000)
                .withPageRowCountLimit(700).withDictionaryPageSize(8 << 10).build()) {
            for (int r = 0; r < ROWS; r++) {
                Group g = groups.newGroup().append("from_address", from(r));
                if (!nullAddress || r != 5_000) {
                    g.append("to_address", to(r));
                }
                if (r < 20_000 || r % 97 != 0) {
                    g.append("block_timestamp", ts(r));
                }
                if (r < 12_000 || r % 13 != 0) {
                    g.append("amount_usd", decimal(r * 125L));
                }
                writer.write(g);
            }
        }
    }

    /** cents * 10^16 as a 16-byte big-endian DECIMAL(38,18). */
    private static Binary decimal(long cents) {
        java.math.BigInteger unscaled = java.math.BigInteger.valueOf(cents).multiply(java.math.BigInteger.TEN.pow(16));
        byte[] raw = unscaled.toByteArray();
        byte[] bytes = new byte[16];
        System.arraycopy(raw, 0, bytes, 16 - raw.length, raw.length);
        return Binary.fromConstantByteArray(bytes);
    }
}
