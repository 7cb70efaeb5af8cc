package io.subnet2.validator.scoring.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;

/**
 * Codec factory that refuses a page whose declared uncompressed size is above a cap, or that would
 * take the run's total decompressed bytes above its {@link ReadBudget}, before any buffer is allocated: the
 * defence against decompression bombs and lying page headers.
 */
final class GuardedCodecs implements CompressionCodecFactory {

    /** Hadoop's codecs, for anything but snappy; created on first use (loading them costs ~150 ms once). */
    private CompressionCodecFactory delegate;
    private final String label;
    private final int maxPageBytes;
    private final ReadBudget budget;

    GuardedCodecs(String label, int maxPageBytes, ReadBudget budget) {
        this.label = label;
        this.maxPageBytes = maxPageBytes;
        this.budget = budget;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        BytesInputDecompressor inner = codecName == CompressionCodecName.SNAPPY ? new Snappy()
                : hadoop().getDecompressor(codecName);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                admit(decompressedSize);
                return inner.decompress(bytes, decompressedSize);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                    throws IOException {
                admit(decompressedSize);
                inner.decompress(input, compressedSize, output, decompressedSize);
            }

            @Override
            public void release() {
                inner.release();
            }
        };
    }

    void admit(int decompressedSize) {
        if (decompressedSize < 0 || decompressedSize > maxPageBytes) {
            throw new OutputRejectedException(label + ": a page declares " + decompressedSize
                    + " uncompressed bytes, above the limit of " + maxPageBytes);
        }
        budget.admitBytes(label, decompressedSize);
    }

    private synchronized CompressionCodecFactory hadoop() {
        if (delegate == null) {
            delegate = HadoopCodecs.newFactory(0);
        }
        return delegate;
    }

    @Override
    public void release() {
        if (delegate != null) {
            delegate.release();
        }
    }

    /**
     * Parquet's SNAPPY pages are raw snappy blocks: one snappy-java call into an array of the
     * declared size (Hadoop's stream codec path copies through small buffers and was the slowest
     * part of reading dictionary pages). A block that does not decode to exactly that size is refused.
     */
    private final class Snappy implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            // a page read into one heap buffer is decompressed from where it lies (no copy)
            ByteBuffer in = bytes.toByteBuffer();
            byte[] input;
            int offset;
            if (in.hasArray()) {
                input = in.array();
                offset = in.arrayOffset() + in.position();
            } else {
                input = new byte[in.remaining()];
                in.duplicate().get(input);
                offset = 0;
            }
            int length = in.remaining();
            if (org.xerial.snappy.Snappy.uncompressedLength(input, offset, length) != decompressedSize) {
                throw new OutputRejectedException(label + ": a snappy page does not decode to its declared size");
            }
            byte[] output = new byte[decompressedSize];
            org.xerial.snappy.Snappy.uncompress(input, offset, length, output, 0);
            return BytesInput.from(output);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(decompress(BytesInput.from(in), decompressedSize).toByteBuffer());
            input.position(input.position() + compressedSize);
        }

        @Override
        public void release() {
        }
    }
}
