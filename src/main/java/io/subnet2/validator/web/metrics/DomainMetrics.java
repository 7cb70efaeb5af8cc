package io.subnet2.validator.web.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.subnet2.validator.sandbox.FailureReason;
import io.subnet2.validator.tournament.RunEvent;
import io.subnet2.validator.tournament.RunOutcome;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Domain metrics (Prometheus names in docs/operations.md "Metrics"): gauges of the database's counts
 * by status and of the queue, read at most every {@link CountsSnapshot#MAX_AGE} whatever the scrape
 * rate; counters and phase timers of finished runs from {@link RunEvent}s after their commit.
 */
@Component
class DomainMetrics {

    /** Sandbox failure codes in a run's error ("features phase: timeout (...)"). */
    private static final Pattern PHASE_REASON = Pattern.compile("^(features|patterns) phase: ([a-z_]+)");
    private static final Set<String> SANDBOX_REASONS = Arrays.stream(FailureReason.values()).map(FailureReason::code)
            .collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry meters;
    private final CountsSnapshot counts;

    DomainMetrics(MeterRegistry meters, TournamentService tournaments) {
        this.meters = meters;
        this.counts = new CountsSnapshot(tournaments);
        for (RunStatus status : RunStatus.values()) {
            gauge("validator.runs", "runs by status", "status", status.id(), c -> c.runs().get(status));
        }
        for (SubmissionStatus status : SubmissionStatus.values()) {
            gauge("validator.submissions", "submissions by status", "status", status.id(),
                    c -> c.submissions().get(status));
        }
        for (TournamentStatus status : TournamentStatus.values()) {
            gauge("validator.tournaments", "tournaments by status", "status", status.id(),
                    c -> c.tournaments().get(status));
        }
        gauge("validator.queue.depth", "runs waiting or running", "kind", "runs",
                c -> c.runs().get(RunStatus.PENDING) + c.runs().get(RunStatus.RUNNING));
        gauge("validator.queue.depth", "submissions waiting for or in validation", "kind", "submissions",
                c -> c.submissions().get(SubmissionStatus.PENDING) + c.submissions().get(SubmissionStatus.VALIDATING));
    }

    private void gauge(String name, String description, String tag, String value,
            Function<CountsSnapshot.Counts, Long> read) {
        ToDoubleFunction<CountsSnapshot> f = snapshot -> {
            CountsSnapshot.Counts c = snapshot.get();
            return c == null ? Double.NaN : read.apply(c);
        };
        Gauge.builder(name, counts, f).description(description).tag(tag, value).register(meters);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRun(RunEvent event) {
        if (event.status() == RunStatus.PENDING) {
            Counter.builder("validator.run.retries").description("runs sent back to pending by a platform fault")
                    .register(meters).increment();
            return;
        }
        RunOutcome outcome = event.outcome();
        Counter.builder("validator.runs.finished").description("runs that reached a terminal state")
                .tag("status", event.status().id())
                .tag("failure_kind", event.failureKind() == null ? "none" : event.failureKind().id())
                .tag("reason", reason(event)).register(meters).increment();
        phase("features", outcome.featureTimeSeconds());
        phase("patterns", outcome.patternTimeSeconds());
    }

    private void phase(String phase, Double seconds) {
        if (seconds != null && seconds >= 0) {
            Timer.builder("validator.run.phase.duration").description("wall time of an analyzer phase")
                    .tag("phase", phase).publishPercentileHistogram().register(meters)
                    .record(Duration.ofNanos((long) (seconds * 1e9)));
        }
    }

    /** A bounded label: a sandbox failure code, invalid_output (scoring refused it), platform or none. */
    static String reason(RunEvent event) {
        if (event.status() == RunStatus.COMPLETED) {
            return "none";
        }
        if (event.failureKind() != null && event.failureKind().id().equals("platform")) {
            return "platform";
        }
        Matcher m = PHASE_REASON.matcher(event.reason() == null ? "" : event.reason());
        if (m.find() && SANDBOX_REASONS.contains(m.group(2))) {
            return m.group(2);
        }
        return "invalid_output";
    }
}
