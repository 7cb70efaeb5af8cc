package io.subnet2.validator.submission.internal;

/** One broken rule with an optional detail (file, line, value); {@link #text()} is what the miner reads. */
public record Violation(Rule rule, String detail) {

    private static final int MAX_DETAIL = 3000;

    public Violation {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    public static Violation of(Rule rule) {
        return new Violation(rule, null);
    }

    public static Violation of(Rule rule, String detail) {
        return new Violation(rule, detail);
    }

    public String text() {
        String base = "[" + rule.id() + "] " + rule.text();
        return detail == null || detail.isBlank() ? base : base + ": " + detail;
    }
}
