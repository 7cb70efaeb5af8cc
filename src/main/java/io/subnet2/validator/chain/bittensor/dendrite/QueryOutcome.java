package io.subnet2.validator.chain.bittensor.dendrite;

import java.util.Locale;
import java.util.Optional;

import io.subnet2.validator.chain.MinerAnswer;

/** What one axon query gave: an answer, or the reason there is none. */
public record QueryOutcome(int uid, String hotkey, Reason reason, String detail, Optional<MinerAnswer> answer) {

    /** Counted per reason (metric tag {@code reason}). */
    public enum Reason {
        ANSWERED, NO_SUBMISSION, NOT_SERVING, PRIVATE_ADDRESS, UNREACHABLE, TIMEOUT, HTTP_4XX, HTTP_5XX, TOO_LARGE,
        MALFORMED, REJECTED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static QueryOutcome answered(MinerAnswer answer) {
        return new QueryOutcome(answer.uid(), answer.hotkey(), Reason.ANSWERED, "", Optional.of(answer));
    }

    static QueryOutcome failed(int uid, String hotkey, Reason reason, String detail) {
        return new QueryOutcome(uid, hotkey, reason, detail, Optional.empty());
    }
}
