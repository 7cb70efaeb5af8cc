package io.subnet2.validator.tournament;

/** A state change that the lifecycle does not allow; the message names both states. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String what, Object id, Enum<?> from, Enum<?> to) {
        super("illegal " + what + " transition for " + id + ": " + from.name().toLowerCase() + " -> "
                + to.name().toLowerCase());
    }
}
