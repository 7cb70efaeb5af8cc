package io.subnet2.validator.chain.bittensor.keys;

/** A hotkey file that cannot be used, with a one-line message naming the file and what to do. */
public final class KeyfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyfileException(String message) {
        super(message);
    }
}
