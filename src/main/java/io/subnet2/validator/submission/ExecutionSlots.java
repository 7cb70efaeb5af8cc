package io.subnet2.validator.submission;

import java.util.concurrent.Semaphore;

/**
 * The validator's container parallelism, shared by image builds and sandbox runs: a fair semaphore
 * of {@code validator.sandbox.max-parallel} permits (one Spring bean). The submission pipeline holds
 * a permit for each build; the jobs module holds one around each sandbox phase, so builds and runs
 * together never exceed the configured slots. It lives in this module (not in sandbox) because the
 * sandbox module must not depend on the submission module, which already depends on it.
 */
public final class ExecutionSlots {

    /** A held permit; closing it gives it back (once). */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore semaphore;
    private final int permits;

    public ExecutionSlots(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("execution slots must be at least 1, got " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
    }

    /** Waits for a free slot. */
    public Permit acquire() throws InterruptedException {
        semaphore.acquire();
        return new Permit() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    semaphore.release();
                }
            }
        };
    }

    public int permits() {
        return permits;
    }

    /** Whether anyone waits for a slot right now (monitoring). */
    public boolean hasQueuedThreads() {
        return semaphore.hasQueuedThreads();
    }

    /** Slots free right now. */
    public int available() {
        return semaphore.availablePermits();
    }
}
