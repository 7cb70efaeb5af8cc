package io.subnet2.validator.sandbox;

/** The sandbox itself could not run the container (engine down, image missing, bad host paths): not a miner fault. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
