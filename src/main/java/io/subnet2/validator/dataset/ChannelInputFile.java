package io.subnet2.validator.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local {@link InputFile} over a {@link FileChannel}. parquet-mr's {@code LocalInputFile} inherits
 * {@code InputStream.read(byte[], int, int)}, which reads one byte per system call; row-group copying
 * ({@code ParquetFileWriter.appendFile}) uses exactly that method. Links are never followed (the scorer
 * opens miners' files with it).
 */
public final class ChannelInputFile implements InputFile {

    private final Path path;
    private final long length;

    /** A file whose length is read now. */
    public ChannelInputFile(Path path) throws IOException {
        this(path, lengthOf(path));
    }

    /** A file whose length the caller has already checked (e.g. against a size cap). */
    public ChannelInputFile(Path path, long length) {
        this.path = path;
        this.length = length;
    }

    private static long lengthOf(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return channel.size();
        }
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new SeekableInputStream() {
            @Override
            public int read() throws IOException {
                ByteBuffer one = ByteBuffer.allocate(1);
                return channel.read(one) < 0 ? -1 : one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return channel.read(buffer);
            }

            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public void seek(long position) throws IOException {
                channel.position(position);
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                readFully(bytes, 0, bytes.length);
            }

            @Override
            public void readFully(byte[] bytes, int offset, int length) throws IOException {
                readFully(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void readFully(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new EOFException(path + ": unexpected end of file");
                    }
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
