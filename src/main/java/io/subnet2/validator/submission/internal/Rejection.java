package io.subnet2.validator.submission.internal;

import java.util.List;

/** Ends the pipeline early with the violations found so far. */
public final class Rejection extends Exception {

    private final transient List<Violation> violations;

    public Rejection(List<Violation> violations) {
        super(violations.isEmpty() ? "rejected" : violations.get(0).text(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public Rejection(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
