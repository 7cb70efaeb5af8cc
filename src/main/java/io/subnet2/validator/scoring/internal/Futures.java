package io.subnet2.validator.scoring.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

final class Futures {

    private Futures() {
    }

    /** Waits for a task and rethrows its failure as it was thrown (unchecked) or wrapped. */
    static void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
