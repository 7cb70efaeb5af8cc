package io.subnet2.validator.web.metrics;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/** The database's counts by status, re-read when older than {@link #MAX_AGE} (gauges share one read). */
final class CountsSnapshot {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CountsSnapshot.class);

    record Counts(Map<RunStatus, Long> runs, Map<SubmissionStatus, Long> submissions,
            Map<TournamentStatus, Long> tournaments) {
    }

    private final TournamentService tournaments;
    private Counts counts;
    private long readAt;

    CountsSnapshot(TournamentService tournaments) {
        this.tournaments = tournaments;
    }

    /** The counts, or the last ones read (null before the first success) while the database is unreachable. */
    synchronized Counts get() {
        long now = System.nanoTime();
        if (counts == null || now - readAt > MAX_AGE.toNanos()) {
            try {
                counts = new Counts(tournaments.countRuns(), tournaments.countSubmissions(),
                        tournaments.countTournaments());
            } catch (RuntimeException e) {
                log.warn("metrics: cannot read counts: {}", e.toString());
            }
            readAt = now;
        }
        return counts;
    }
}
