package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An {@link IndexedDataset} stored on disk (the validator's own file, next to the dataset and outside
 * what analyzers see), so scoring a run does not rebuild it from the parquet files. Layout: magic,
 * the key it was built for, the index's arrays (each its length then its little-endian values), the
 * flagged addresses, the ground-truth instances, and a CRC32C of everything before it. Written to a temporary file and renamed into place; a file
 * with another key, another format, a bad checksum or inconsistent lengths is not used.
 */
public final class IndexFile {

    private static final long MAGIC = 0x5332494458303031L; // "S2IDX001"
    private static final int BUFFER = 8 << 20;

    private IndexFile() {
    }

    /** Sorts every segment of the index and stores the dataset under {@code file} for {@code key}. */
    public static void write(Path file, String key, IndexedDataset data, int threads) throws IOException {
        TransferIndex index = data.index();
        index.sortAll(threads);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            writeTo(temp, key, data);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeTo(Path temp, String key, IndexedDataset data) throws IOException {
        IndexArrays a = data.index().stored;
        ByteTable.Parts t = data.index().names.table().parts();
        try (Writer w = new Writer(FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))) {
            w.putLong(MAGIC);
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            w.bytes(keyBytes, keyBytes.length);
            w.putInt(a.rows());
            w.putInt(a.bandKinds());
            for (int[] ints : new int[][] {a.outOff(), a.outRow(), a.outNbr(), a.inOff(), a.inRow(), a.inNbr(),
                    a.txOut(), a.txIn(), a.degOut(), a.degIn(), a.counterparties(), a.bandCount()}) {
                w.ints(ints);
            }
            for (long[] longs : new long[][] {a.ts(), a.first(), a.last()}) {
                w.longs(longs);
            }
            w.doubles(a.sumOut());
            w.doubles(a.sumIn());
            w.putInt(a.bandEdges().length);
            for (long[] edges : a.bandEdges()) {
                w.longs(edges);
            }
            w.putInt(t.trusted() ? 1 : 0);
            w.putInt(t.size());
            int used = t.offsets()[t.size()];
            w.bytes(t.arena(), used);
            w.ints(java.util.Arrays.copyOf(t.offsets(), t.size() + 1));
            w.longs(t.slots());
            w.longs(data.flagged().toLongArray());
            w.putInt(data.instances().size());
            for (ReferenceData.Instance instance : data.instances()) {
                byte[] id = instance.id().getBytes(StandardCharsets.UTF_8);
                w.bytes(id, id.length);
                byte[] type = instance.type().getBytes(StandardCharsets.UTF_8);
                w.bytes(type, type.length);
                w.ints(instance.reachable());
            }
            w.finish();
        }
    }

    /** The dataset stored for {@code key}, or null when there is none usable (absent, other key, damaged). */
    public static IndexedDataset read(Path file, String key) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (Reader r = new Reader(FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            if (r.getLong() != MAGIC) {
                return null;
            }
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            if (r.getInt() != keyBytes.length || !java.util.Arrays.equals(r.bytes(keyBytes.length), keyBytes)) {
                return null;
            }
            int rows = r.getInt();
            int bandKinds = r.getInt();
            int[][] ints = new int[12][];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = r.ints();
            }
            long[] ts = r.longs();
            long[] first = r.longs();
            long[] last = r.longs();
            double[] sumOut = r.doubles();
            double[] sumIn = r.doubles();
            long[][] bandEdges = new long[r.count(bandKinds)][];
            for (int i = 0; i < bandEdges.length; i++) {
                bandEdges[i] = r.longs();
            }
            boolean trusted = r.getInt() == 1;
            int size = r.getInt();
            byte[] arena = r.bytes(r.count(Integer.MAX_VALUE));
            ByteTable.Parts table = new ByteTable.Parts(trusted, size, arena, r.ints(), r.longs());
            BitSet flagged = BitSet.valueOf(r.longs());
            List<ReferenceData.Instance> instances = new ArrayList<>();
            for (int i = r.count(Integer.MAX_VALUE); i > 0; i--) {
                String id = new String(r.bytes(r.count(1 << 16)), StandardCharsets.UTF_8);
                String type = new String(r.bytes(r.count(1 << 16)), StandardCharsets.UTF_8);
                instances.add(new ReferenceData.Instance(id, type, r.ints()));
            }
            if (!r.checksumMatches()) {
                return null;
            }
            IndexArrays a = new IndexArrays(rows, bandKinds, ts, ints[0], ints[1], ints[2], ints[3], ints[4],
                    ints[5], ints[6], ints[7], ints[8], ints[9], ints[10], first, last, sumOut, sumIn, ints[11],
                    bandEdges);
            if (!consistent(a, table) || flagged.length() > size
                    || instances.stream().anyMatch(x -> x.reachable().length > 0
                    && (x.reachable()[0] < 0 || x.reachable()[x.reachable().length - 1] >= size))) {
                return null;
            }
            return new IndexedDataset(new TransferIndex(a, new Interner(new ByteTable(table)), true), flagged,
                    List.copyOf(instances));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean consistent(IndexArrays a, ByteTable.Parts t) {
        int n = t.size();
        boolean perAddress = java.util.stream.Stream.of(a.txOut(), a.txIn(), a.degOut(), a.degIn(),
                a.counterparties()).allMatch(x -> x.length == n)
                && a.first().length == n && a.last().length == n && a.sumOut().length == n && a.sumIn().length == n
                && a.bandCount().length == (long) n * a.bandKinds();
        boolean csr = a.outOff().length == n + 1 && a.inOff().length == n + 1 && a.outOff()[n] == a.rows()
                && a.inOff()[n] == a.rows() && a.ts().length == a.rows()
                && java.util.stream.Stream.of(a.outRow(), a.outNbr(), a.inRow(), a.inNbr())
                        .allMatch(x -> x.length == a.rows());
        int slots = t.slots().length;
        boolean table = t.offsets().length == n + 1 && t.offsets()[n] == t.arena().length && slots >= 2
                && Integer.bitCount(slots) == 1 && n <= slots / 2;
        return perAddress && csr && table;
    }

    /** Copies {@code n} values between the buffer (at its position) and an array (at {@code at}). */
    private interface Chunk {
        void copy(ByteBuffer buffer, int at, int n);
    }

    /** Buffered little-endian output with a running CRC32C. */
    private static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Writer(FileChannel channel) {
            this.channel = channel;
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putLong(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        /** Length, then the first {@code length} bytes of {@code b}. */
        void bytes(byte[] b, int length) throws IOException {
            putInt(length);
            for (int done = 0; done < length; ) {
                int n = Math.min(length - done, room(1));
                buf.put(b, done, n);
                done += n;
            }
        }

        void ints(int[] v) throws IOException {
            chunks(v.length, 4, (b, at, n) -> b.asIntBuffer().put(v, at, n));
        }

        void longs(long[] v) throws IOException {
            chunks(v.length, 8, (b, at, n) -> b.asLongBuffer().put(v, at, n));
        }

        void doubles(double[] v) throws IOException {
            chunks(v.length, 8, (b, at, n) -> b.asDoubleBuffer().put(v, at, n));
        }

        /** The count, then the values in buffer-sized chunks. */
        private void chunks(int count, int width, Chunk chunk) throws IOException {
            putInt(count);
            for (int done = 0; done < count; ) {
                int n = Math.min(count - done, room(width) / width);
                chunk.copy(buf, done, n);
                buf.position(buf.position() + width * n);
                done += n;
            }
        }

        /** Makes room for at least {@code need} bytes; returns the room there is. */
        private int room(int need) throws IOException {
            if (buf.remaining() < need) {
                flush();
            }
            return buf.remaining();
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            buf.clear();
        }

        void finish() throws IOException {
            flush();
            buf.putLong(crc.getValue()).flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Buffered little-endian input; every array length is checked against the bytes left in the file. */
    private static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private long left;

        Reader(FileChannel channel) throws IOException {
            this.channel = channel;
            this.left = channel.size();
            buf.limit(0);
        }

        int getInt() throws IOException {
            fill(4);
            return buf.getInt();
        }

        long getLong() throws IOException {
            fill(8);
            return buf.getLong();
        }

        /** A count in [0, max]. */
        int count(int max) throws IOException {
            int n = getInt();
            if (n < 0 || n > max) {
                throw new IOException("bad count " + n);
            }
            return n;
        }

        byte[] bytes(int length) throws IOException {
            check(length, 1);
            byte[] b = new byte[length];
            for (int done = 0; done < length; ) {
                int n = Math.min(length - done, fill(1));
                buf.get(b, done, n);
                done += n;
            }
            return b;
        }

        int[] ints() throws IOException {
            int[] v = new int[check(getInt(), 4)];
            chunks(v.length, 4, (b, at, n) -> b.asIntBuffer().get(v, at, n));
            return v;
        }

        long[] longs() throws IOException {
            long[] v = new long[check(getInt(), 8)];
            chunks(v.length, 8, (b, at, n) -> b.asLongBuffer().get(v, at, n));
            return v;
        }

        double[] doubles() throws IOException {
            double[] v = new double[check(getInt(), 8)];
            chunks(v.length, 8, (b, at, n) -> b.asDoubleBuffer().get(v, at, n));
            return v;
        }

        private void chunks(int count, int width, Chunk chunk) throws IOException {
            for (int done = 0; done < count; ) {
                int n = Math.min(count - done, fill(width) / width);
                chunk.copy(buf, done, n);
                buf.position(buf.position() + width * n);
                done += n;
            }
        }

        /** Refuses a length whose values cannot be in the rest of the file (no huge allocation). */
        private int check(int length, int width) throws IOException {
            if (length < 0 || (long) length * width > left + buf.remaining()) {
                throw new IOException("bad length " + length);
            }
            return length;
        }

        /** Ensures at least {@code need} buffered bytes; returns how many are buffered. */
        private int fill(int need) throws IOException {
            if (buf.remaining() >= need) {
                return buf.remaining();
            }
            checksumConsumed();
            buf.compact();
            while (buf.position() < need || buf.hasRemaining() && left > 0 && buf.position() < BUFFER / 2) {
                int n = channel.read(buf);
                if (n <= 0) {
                    throw new IOException("truncated");
                }
                left -= n;
            }
            buf.flip();
            return buf.remaining();
        }

        /** Adds the bytes consumed since the last call to the running checksum. */
        private void checksumConsumed() {
            crc.update(buf.duplicate().position(checked).limit(buf.position()));
            checked = 0;
        }

        private int checked;

        /** The last 8 bytes of the file are the checksum of everything read before them. */
        boolean checksumMatches() throws IOException {
            if (buf.remaining() + left != 8) {
                return false;
            }
            checksumConsumed();
            checked = buf.position();
            long expected = crc.getValue();
            fill(8);
            return buf.getLong() == expected;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
