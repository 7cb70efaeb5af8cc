package io.subnet2.validator.tournament;

/** A tournament, submission or run that does not exist; the message names the id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " not found: " + id);
    }
}
