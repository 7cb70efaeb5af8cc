package io.subnet2.validator.chain;

import java.util.List;

/** The recorded weight attempts, newest first (present in bittensor mode only). */
public interface WeightAttemptHistory {

    List<WeightAttempt> recent(int limit);
}
