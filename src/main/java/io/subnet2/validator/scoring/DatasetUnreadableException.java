package io.subnet2.validator.scoring;

/** The dataset itself (transfers, labels, ground truth) cannot be read: a platform fault, never the miner's. */
public class DatasetUnreadableException extends RuntimeException {

    public DatasetUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
