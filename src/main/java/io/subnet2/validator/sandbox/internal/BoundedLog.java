package io.subnet2.validator.sandbox.internal;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the first and the last {@code maxBytes / 2} bytes of a stream and counts the rest, so a log
 * flood costs constant memory. Thread-safe (written by the stream thread, read by the runner).
 */
public final class BoundedLog {

    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    public BoundedLog(int maxBytes) {
        if (maxBytes < 2) {
            throw new IllegalArgumentException("maxBytes must be at least 2");
        }
        head = new byte[maxBytes / 2];
        tail = new byte[maxBytes - maxBytes / 2];
    }

    public synchronized void append(byte[] bytes) {
        if (bytes == null) {
            return;
        }
        total += bytes.length;
        int offset = 0;
        if (headLength < head.length) {
            int n = Math.min(head.length - headLength, bytes.length);
            System.arraycopy(bytes, 0, head, headLength, n);
            headLength += n;
            offset = n;
        }
        int remaining = bytes.length - offset;
        if (remaining > tail.length) {
            offset += remaining - tail.length;
            tailWritten += remaining - tail.length;
            remaining = tail.length;
        }
        for (int i = 0; i < remaining; i++) {
            tail[(int) (tailWritten++ % tail.length)] = bytes[offset + i];
        }
    }

    public synchronized long totalBytes() {
        return total;
    }

    /** Bytes neither in the head nor in the tail. */
    public synchronized long droppedBytes() {
        return Math.max(0, total - headLength - Math.min(tailWritten, tail.length));
    }

    /** Head, a marker with the dropped byte count when bytes were dropped, and tail; invalid UTF-8 replaced. */
    public synchronized String excerpt() {
        int tailLength = (int) Math.min(tailWritten, tail.length);
        byte[] tailBytes = new byte[tailLength];
        int start = (int) ((tailWritten - tailLength) % tail.length);
        for (int i = 0; i < tailLength; i++) {
            tailBytes[i] = tail[(start + i) % tail.length];
        }
        String headText = new String(head, 0, headLength, StandardCharsets.UTF_8);
        String tailText = new String(tailBytes, StandardCharsets.UTF_8);
        long dropped = droppedBytes();
        return dropped == 0 ? headText + tailText
                : headText + "\n[... " + dropped + " bytes dropped ...]\n" + tailText;
    }
}
