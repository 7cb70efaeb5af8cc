package io.subnet2.validator.chain.bittensor;

/** Bittensor mode cannot start: the message says what is wrong and what to change, in one line. */
public final class ChainStartupException extends RuntimeException {

    public ChainStartupException(String message) {
        super(message);
    }

    public ChainStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
