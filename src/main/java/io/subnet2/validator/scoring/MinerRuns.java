package io.subnet2.validator.scoring;

import java.time.Instant;
import java.util.List;

/**
 * One submission's finished runs in a tournament. {@code runsDue} counts every run it was due so
 * far (platform-fault runs being retried are not due yet); due runs absent from {@code runs} count 0.
 */
public record MinerRuns(String hotkey, int uid, Instant submittedAt, int runsDue, List<ScoredRun> runs) {

    public MinerRuns {
        runs = runs == null ? List.of() : List.copyOf(runs);
        runsDue = Math.max(runsDue, runs.size());
    }
}
