package io.subnet2.validator.scoring.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** Parquet {@link InputFile} over a file opened without following symbolic links. */
final class ChannelInputFile implements InputFile {

    private final Path path;
    private final long length;

    ChannelInputFile(Path path, long length) {
        this.path = path;
        this.length = length;
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
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public void seek(long newPos) throws IOException {
                channel.position(newPos);
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                readFully(ByteBuffer.wrap(bytes));
            }

            @Override
            public void readFully(byte[] bytes, int start, int len) throws IOException {
                readFully(ByteBuffer.wrap(bytes, start, len));
            }

            @Override
            public int read(ByteBuffer buf) throws IOException {
                return channel.read(buf);
            }

            @Override
            public void readFully(ByteBuffer buf) throws IOException {
                while (buf.hasRemaining()) {
                    if (channel.read(buf) < 0) {
                        throw new EOFException("unexpected end of " + path.getFileName());
                    }
                }
            }

            @Override
            public int read() throws IOException {
                ByteBuffer one = ByteBuffer.allocate(1);
                return channel.read(one) <= 0 ? -1 : one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
