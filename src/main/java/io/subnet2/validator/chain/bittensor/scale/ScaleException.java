package io.subnet2.validator.chain.bittensor.scale;

/** Malformed or truncated SCALE input, or a value that does not fit the requested type. */
public class ScaleException extends RuntimeException {

    public ScaleException(String message) {
        super(message);
    }
}
