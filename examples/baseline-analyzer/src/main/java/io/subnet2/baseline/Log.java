package io.subnet2.baseline;

/** Progress lines on stderr (the validator keeps a bounded log; times here are informative only). */
public final class Log {

    private Log() {
    }

    public static void step(String what, long startNanos) {
        System.err.printf("[baseline] %s (%.2f s)%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
}
