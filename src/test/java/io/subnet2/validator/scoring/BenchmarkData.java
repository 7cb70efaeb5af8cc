package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.scoring.ScoringFixtures.Pattern;

/**
 * Compact writer of a large benchmark dataset: transfers.parquet in the contract schema written
 * straight from primitive arrays (no object per row), from/to dictionary-encoded, snappy, row
 * groups of 1M rows, heavy-tailed addresses; plus patterns that are mostly valid hops.
 */
final class BenchmarkData {

    static final MessageType TRANSFERS = MessageTypeParser.parseMessageType("message transfer {"
            + " required binary tx_id (STRING); required binary event_index (STRING);"
            + " required binary edge_index (STRING); required int64 block_height; required int64 block_timestamp;"
            + " required binary from_address (STRING); required binary to_address (STRING);"
            + " required binary asset_symbol (STRING); required binary asset_contract (STRING);"
            + " required fixed_len_byte_array(16) amount (DECIMAL(38,18));"
            + " required fixed_len_byte_array(16) amount_usd (DECIMAL(38,18));"
            + " required fixed_len_byte_array(16) fee (DECIMAL(38,18)); }");
    private static final long TEN_16 = 10_000_000_000_000_000L;

    final int rows;
    final int addressCount;
    final Binary[] names;
    final int[] from;
    final int[] to;
    final long[] ts;
    final long[] cents;

    BenchmarkData(int rows, int addressCount, long seed) {
        this.rows = rows;
        this.addressCount = addressCount;
        Random random = new Random(seed);
        names = new Binary[addressCount];
        byte[] hex = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < addressCount; i++) {
            byte[] name = new byte[42];
            name[0] = '0';
            name[1] = 'x';
            for (int k = 2; k < 42; k++) {
                name[k] = hex[random.nextInt(16)];
            }
            names[i] = Binary.fromConstantByteArray(name);
        }
        from = new int[rows];
        to = new int[rows];
        ts = new long[rows];
        cents = new long[rows];
        long t0 = 1_767_225_600_000L;
        for (int r = 0; r < rows; r++) {
            from[r] = pick(random);
            int b = pick(random);
            to[r] = b == from[r] ? (b + 1) % addressCount : b;
            ts[r] = t0 + (long) r * 86_400_000L / rows + random.nextInt(60_000);
            cents[r] = (long) Math.exp(random.nextDouble() * Math.log(10_000_000.0));
        }
    }

    /** 70% uniform, 30% power law (u^4): a heavy tail of hubs over about all addresses. */
    private int pick(Random random) {
        if (random.nextInt(10) < 7) {
            return random.nextInt(addressCount);
        }
        double u = random.nextDouble();
        return (int) (addressCount * u * u * u * u);
    }

    void writeDataset(DatasetLayout layout) throws IOException {
        Files.createDirectories(layout.input());
        try (ParquetWriter<Integer> writer = new Builder(new LocalOutputFile(layout.transfers()), this)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupRowCountLimit(1_000_000).withRowGroupSize(1L << 30)
                .withDictionaryPageSize(64 << 20).withDictionaryEncoding("tx_id", false)
                .withDictionaryEncoding("amount", false).withDictionaryEncoding("amount_usd", false)
                .build()) {
            for (int r = 0; r < rows; r++) {
                writer.write(r);
            }
        }
        ScoringFixtures.writeLabels(layout.addressLabels(), List.of(
                new ScoringFixtures.Label(names[0].toStringUsingUTF8(), "flagged", "critical")));
        List<ScoringFixtures.Truth> truth = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            truth.add(new ScoringFixtures.Truth(names[from[i * 7]].toStringUsingUTF8(), "source", "cycle", "i" + i));
            truth.add(new ScoringFixtures.Truth(names[to[i * 7]].toStringUsingUTF8(), "member", "cycle", "i" + i));
        }
        ScoringFixtures.writeGroundTruth(layout.groundTruth(), truth);
    }

    /** Mostly valid patterns: fan-outs, fan-ins and time-ordered layering walks along real transfers, 10% junk. */
    List<Pattern> patterns(int count, long seed) {
        return patterns(from, to, ts, id -> names[id].toStringUsingUTF8(), addressCount, count, seed);
    }

    static List<Pattern> patterns(int[] from, int[] to, long[] ts, java.util.function.IntFunction<String> name,
                                  int addressCount, int count, long seed) {
        int rows = from.length;
        int[][] out = csr(from, addressCount);
        int[][] in = csr(to, addressCount);
        Random random = new Random(seed);
        List<Pattern> patterns = new ArrayList<>(count);
        while (patterns.size() < count) {
            int r = random.nextInt(rows);
            int kind = random.nextInt(10);
            List<String> list = new ArrayList<>();
            String type;
            if (kind == 0) {
                type = "cycle";
                for (int k = 0; k < 3; k++) {
                    list.add(name.apply(random.nextInt(addressCount)));
                }
            } else if (kind < 5) {
                type = "layering_path";
                list.add(name.apply(from[r]));
                list.add(name.apply(to[r]));
                int current = to[r];
                long time = ts[r];
                for (int hop = 0; hop < 2; hop++) {
                    int next = -1;
                    for (int k = out[0][current]; k < out[0][current + 1] && k < out[0][current] + 64; k++) {
                        int row = out[1][k];
                        if (ts[row] >= time) {
                            next = row;
                            break;
                        }
                    }
                    if (next < 0) {
                        break;
                    }
                    current = to[next];
                    time = ts[next];
                    list.add(name.apply(current));
                }
            } else {
                boolean fanout = kind < 8;
                type = fanout ? "motif_fanout" : "motif_fanin";
                int[][] csr = fanout ? out : in;
                int center = fanout ? from[r] : to[r];
                list.add(name.apply(center));
                int lo = csr[0][center];
                int n = Math.min(csr[0][center + 1] - lo, 8);
                for (int k = 0; k < n; k++) {
                    int row = csr[1][lo + k];
                    list.add(name.apply(fanout ? to[row] : from[row]));
                }
            }
            patterns.add(new Pattern("bp" + patterns.size(), type, list));
        }
        return patterns;
    }

    /** Rows grouped by key: {offsets, rows}. */
    private static int[][] csr(int[] key, int keys) {
        int[] off = new int[keys + 1];
        for (int k : key) {
            off[k + 1]++;
        }
        for (int i = 0; i < keys; i++) {
            off[i + 1] += off[i];
        }
        int[] pos = java.util.Arrays.copyOf(off, keys);
        int[] rowsByKey = new int[key.length];
        for (int r = 0; r < key.length; r++) {
            rowsByKey[pos[key[r]]++] = r;
        }
        return new int[][] {off, rowsByKey};
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final BenchmarkData data;

        Builder(LocalOutputFile file, BenchmarkData data) {
            super(file);
            this.data = data;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return new RowWriter(data);
        }
    }

    /** Emits row r of the arrays through the RecordConsumer. */
    private static final class RowWriter extends WriteSupport<Integer> {
        private static final Binary ZERO_ID = Binary.fromString("0");
        private static final Binary ETH = Binary.fromString("ETH");
        private static final Binary NATIVE = Binary.fromString("native");
        private static final Binary ZERO = Binary.fromConstantByteArray(new byte[16]);
        private final BenchmarkData d;
        private RecordConsumer out;

        RowWriter(BenchmarkData data) {
            this.d = data;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(TRANSFERS, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Integer boxed) {
            int r = boxed;
            out.startMessage();
            binary(0, "tx_id", Binary.fromString("t" + r));
            binary(1, "event_index", ZERO_ID);
            binary(2, "edge_index", ZERO_ID);
            int64(3, "block_height", d.ts[r] / 12_000);
            int64(4, "block_timestamp", d.ts[r]);
            binary(5, "from_address", d.names[d.from[r]]);
            binary(6, "to_address", d.names[d.to[r]]);
            binary(7, "asset_symbol", ETH);
            binary(8, "asset_contract", NATIVE);
            Binary usd = decimal(d.cents[r]);
            binary(9, "amount", usd);
            binary(10, "amount_usd", usd);
            binary(11, "fee", ZERO);
            out.endMessage();
        }

        /** cents * 10^16 as a 16-byte big-endian DECIMAL(38,18). */
        private static Binary decimal(long cents) {
            long lo = cents * TEN_16;
            long hi = Math.multiplyHigh(cents, TEN_16);
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (hi >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
            return Binary.fromConstantByteArray(bytes);
        }

        private void binary(int index, String field, Binary value) {
            out.startField(field, index);
            out.addBinary(value);
            out.endField(field, index);
        }

        private void int64(int index, String field, long value) {
            out.startField(field, index);
            out.addLong(value);
            out.endField(field, index);
        }
    }
}
