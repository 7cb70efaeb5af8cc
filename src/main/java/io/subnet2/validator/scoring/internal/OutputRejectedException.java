package io.subnet2.validator.scoring.internal;

/** A file that cannot be read within the limits or is not what the contract asks for. */
public final class OutputRejectedException extends RuntimeException {

    public OutputRejectedException(String message) {
        super(message);
    }

    public OutputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
