package io.subnet2.validator.submission.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first quarter and the last three quarters of at most {@code maxBytes} of text; what
 * falls in between is counted and replaced by a marker. Thread-safe (the build callback appends
 * from docker-java's thread).
 */
public final class BoundedLog {

    private final int headMax;
    private final int tailMax;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long dropped;

    public BoundedLog(long maxBytes) {
        int max = (int) Math.max(64, Math.min(maxBytes, 16L * 1024 * 1024));
        this.headMax = max / 4;
        this.tailMax = max - headMax;
        this.tail = new byte[tailMax];
    }

    public synchronized void append(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int offset = 0;
        if (head.size() < headMax) {
            int n = Math.min(bytes.length, headMax - head.size());
            head.write(bytes, 0, n);
            offset = n;
        }
        for (int i = offset; i < bytes.length; i++) {
            if (tailLength == tailMax) {
                tailStart = (tailStart + 1) % tailMax;
                tailLength--;
                dropped++;
            }
            tail[(tailStart + tailLength) % tailMax] = bytes[i];
            tailLength++;
        }
    }

    public synchronized String text() {
        StringBuilder out = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (dropped > 0) {
            out.append("\n[... ").append(dropped).append(" bytes of build log dropped ...]\n");
        }
        return out.append(new String(tailBytes(tailLength), StandardCharsets.UTF_8)).toString();
    }

    /** The last {@code maxBytes} bytes of the log (for the failure reason). */
    public synchronized String tail(int maxBytes) {
        if (tailLength == 0) {
            String h = head.toString(StandardCharsets.UTF_8);
            return h.length() > maxBytes ? h.substring(h.length() - maxBytes) : h;
        }
        return new String(tailBytes(Math.min(maxBytes, tailLength)), StandardCharsets.UTF_8);
    }

    private byte[] tailBytes(int n) {
        byte[] out = new byte[n];
        int from = tailStart + tailLength - n;
        for (int i = 0; i < n; i++) {
            out[i] = tail[(from + i) % tailMax];
        }
        return out;
    }
}
