package io.subnet2.validator.submission.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * Byte and time budget of one fetch. JGit's HTTP transport gets this guard's connection factory
 * (every response body is counted and cut off past the budget or the deadline; redirects are
 * refused and recorded) and its progress monitor (cancels pack indexing past the deadline). The
 * flags tell afterwards why a fetch failed, however JGit wrapped the exception.
 */
final class FetchGuard {

    private final long maxBytes;
    private final long deadlineNanos;
    private final Duration timeout;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean bytesExceeded;
    private volatile String redirectLocation;

    FetchGuard(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    long received() {
        return received.get();
    }

    long maxBytes() {
        return maxBytes;
    }

    Duration timeout() {
        return timeout;
    }

    boolean bytesExceeded() {
        return bytesExceeded;
    }

    boolean timedOut() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Seconds left, at least 1 (JGit's timeout unit). */
    int remainingSeconds() {
        long nanos = deadlineNanos - System.nanoTime();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    String redirectLocation() {
        return redirectLocation;
    }

    JDKHttpConnectionFactory connectionFactory() {
        return new JDKHttpConnectionFactory() {
            @Override
            public HttpConnection create(URL url) throws IOException {
                return new GuardedConnection(url, null);
            }

            @Override
            public HttpConnection create(URL url, Proxy proxy) throws IOException {
                return new GuardedConnection(url, proxy);
            }
        };
    }

    ProgressMonitor progressMonitor() {
        return new ProgressMonitor() {
            @Override public void start(int totalTasks) { }
            @Override public void beginTask(String title, int totalWork) { }
            @Override public void update(int completed) { }
            @Override public void endTask() { }
            @Override public void showDuration(boolean enabled) { }

            @Override
            public boolean isCancelled() {
                return timedOut() || bytesExceeded;
            }
        };
    }

    private final class GuardedConnection extends JDKHttpConnection {

        GuardedConnection(URL url, Proxy proxy) throws IOException {
            super(url, proxy == null ? Proxy.NO_PROXY : proxy);
            super.setInstanceFollowRedirects(false);
        }

        @Override
        public void setInstanceFollowRedirects(boolean followRedirects) {
            // never follow: a redirect could lead to any host
        }

        @Override
        public void setRequestProperty(String key, String value) {
            // no compressed responses: a gzip body would be inflated by JGit after our byte count
            if (!"Accept-Encoding".equalsIgnoreCase(key)) {
                super.setRequestProperty(key, value);
            }
        }

        @Override
        public int getResponseCode() throws IOException {
            int code = super.getResponseCode();
            if (code == HttpURLConnection.HTTP_MOVED_PERM || code == HttpURLConnection.HTTP_MOVED_TEMP
                    || code == HttpURLConnection.HTTP_SEE_OTHER || code == 307 || code == 308) {
                String location = getHeaderField("Location");
                redirectLocation = location == null ? "(no location)" : location;
                throw new IOException("redirect refused (HTTP " + code + " to " + redirectLocation + ")");
            }
            return code;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            checkDeadline();
            return new CountingStream(super.getInputStream());
        }
    }

    private void checkDeadline() throws IOException {
        if (timedOut()) {
            throw new IOException("fetch deadline of " + timeout.toSeconds() + " s passed");
        }
    }

    private void count(long n) throws IOException {
        if (n > 0 && received.addAndGet(n) > maxBytes) {
            bytesExceeded = true;
            throw new IOException("download exceeds " + maxBytes + " bytes");
        }
    }

    private final class CountingStream extends FilterInputStream {

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            checkDeadline();
            int n = super.read(buffer, off, len);
            count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            checkDeadline();
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }
    }
}
