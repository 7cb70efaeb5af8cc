package io.subnet2.validator.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.subnet2.validator.jobs.EvaluationProperties;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunOutcome;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.TournamentService;

/**
 * The job watchdog: no run stays {@code running} past both phases' time limits plus
 * {@code validator.evaluation.run-deadline-margin}, whatever happened to the job (a thread stuck in
 * the engine, an Error that escaped, a lost instance). An overdue run whose output this instance is
 * still scoring is a miner fault (its files keep the scorer busy); any other overdue run is a platform
 * fault, retried up to {@code max-attempts} and then failed as such. A local thread is interrupted.
 */
@Component
class RunDeadlines {

    private static final Logger log = LoggerFactory.getLogger(RunDeadlines.class);

    private final TournamentService tournaments;
    private final TournamentSettings settings;
    private final EvaluationProperties evaluation;
    private final LiveExecutions live;
    private final Clock clock;

    RunDeadlines(TournamentService tournaments, TournamentSettings settings, EvaluationProperties evaluation,
            LiveExecutions live, Clock clock) {
        this.tournaments = tournaments;
        this.settings = settings;
        this.evaluation = evaluation;
        this.live = live;
        this.clock = clock;
    }

    /** Ends every overdue run; returns their ids. */
    List<UUID> endOverdue() {
        List<UUID> ended = new ArrayList<>();
        Instant now = clock.instant();
        for (EvaluationRun run : tournaments.listRuns(RunStatus.RUNNING)) {
            Duration allowed = allowed(run);
            if (run.getStartedAt() == null || run.getStartedAt().plus(allowed).isAfter(now)) {
                continue;
            }
            try {
                end(run, allowed);
                ended.add(run.getId());
            } catch (RuntimeException e) {
                log.warn("could not end overdue run {}: {}", run.getId(), e.toString()); // it moved meanwhile
            }
        }
        return ended;
    }

    private Duration allowed(EvaluationRun run) {
        SandboxLimits limits = settings.limits(tournaments.getTournament(
                tournaments.getSubmission(run.getSubmissionId()).getTournamentId()));
        return limits.timeout(Phase.FEATURES).plus(limits.timeout(Phase.PATTERNS)).plus(evaluation.runDeadlineMargin());
    }

    private void end(EvaluationRun run, Duration allowed) {
        Optional<LiveExecutions.Execution> local = live.find(run.getId());
        String over = "the run was still running " + allowed.toSeconds() + " s after its start (both phases' time"
                + " limits plus validator.evaluation.run-deadline-margin)";
        if (local.isPresent() && local.get().stage == LiveExecutions.Stage.SCORING) {
            tournaments.finishRun(run.getId(), RunOutcome.minerFault(RunStatus.FAILED, null, null, null, null,
                    "scoring the output did not finish: " + over));
            log.warn("run {} ended as a miner fault: its output kept the scorer busy past the deadline", run.getId());
        } else if (run.getAttempts() >= evaluation.maxAttempts()) {
            tournaments.finishRun(run.getId(), RunExecution.platformFailure("gave up after " + run.getAttempts()
                    + " platform faults: " + over));
            log.warn("run {} given up: overdue after {} attempts", run.getId(), run.getAttempts());
        } else {
            tournaments.retryRun(run.getId(), "platform fault: " + over);
            log.warn("run {} overdue: sent back to pending", run.getId());
        }
        local.ifPresent(execution -> execution.thread.interrupt());
    }
}
