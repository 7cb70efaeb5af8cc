package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options built without Hadoop. parquet-mr 1.16's {@code ParquetReadOptions.Builder} always
 * loads Hadoop classes (ParquetInputFormat, HadoopCodecs) even for a {@code LocalInputFile}; its
 * constructor is package-private, hence this class in parquet's package. Values are the builder's
 * defaults, minus Hadoop vectored IO, plus the caller's codecs.
 */
public final class PlainReadOptions {

    private static final int ALLOCATION_SIZE = 8 * 1024 * 1024;

    private PlainReadOptions() {
    }

    public static ParquetReadOptions create(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                true, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                ALLOCATION_SIZE,
                new HashMap<>(),
                null, // no decryption
                null, // no metrics callback
                new PlainParquetConfiguration());
    }
}
