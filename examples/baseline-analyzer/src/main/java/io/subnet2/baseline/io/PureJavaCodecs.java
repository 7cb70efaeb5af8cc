package io.subnet2.baseline.io;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page codecs in pure Java (aircompressor + java.util.zip). parquet-hadoop's own factory
 * goes through Hadoop's codec classes and snappy-java's native library (extracted to /tmp); this one
 * needs neither, so the jar carries no Hadoop and works on a read-only, noexec filesystem.
 */
public final class PureJavaCodecs implements CompressionCodecFactory {

    public static final PureJavaCodecs INSTANCE = new PureJavaCodecs();

    private PureJavaCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Codec(codec, null);
            case SNAPPY -> new Codec(codec, new SnappyCompressor());
            default -> throw new IllegalArgumentException("unsupported output codec " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, GZIP -> new Inflating(codec, null);
            case SNAPPY -> new Inflating(codec, new SnappyDecompressor());
            case ZSTD -> new Inflating(codec, new ZstdDecompressor());
            case LZ4_RAW -> new Inflating(codec, new Lz4Decompressor());
            default -> throw new IllegalArgumentException("unsupported input codec " + codec);
        };
    }

    @Override
    public void release() {
    }

    private record Codec(CompressionCodecName name, Compressor compressor) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (compressor == null) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[compressor.maxCompressedLength(in.length)];
            int n = compressor.compress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public void release() {
        }
    }

    private record Inflating(CompressionCodecName name, Decompressor decompressor) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (name == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[uncompressedSize];
            int n = name == CompressionCodecName.GZIP
                    ? gunzip(in, out)
                    : decompressor.decompress(in, 0, in.length, out, 0, out.length);
            if (n != uncompressedSize) {
                throw new IOException(name + " page decompressed to " + n + " bytes, expected " + uncompressedSize);
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            // same buffer handling as parquet-hadoop's heap decompressor
            output.put(decompress(BytesInput.from(input), uncompressedSize).toByteBuffer());
        }

        @Override
        public void release() {
        }

        private static int gunzip(byte[] in, byte[] out) throws IOException {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
                int n = gz.readNBytes(out, 0, out.length);
                if (gz.read() != -1) {
                    throw new IOException("GZIP page larger than its declared size " + out.length);
                }
                return n;
            }
        }
    }
}
