package io.subnet2.validator.jobs.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * The evaluation job (spec/lifecycle.md): one Quartz job per pending submission and per pending run.
 * It also gives code validated since epoch start its runs, and re-schedules runs whose job vanished.
 */
@Component
public class Evaluation {

    private static final Logger log = LoggerFactory.getLogger(Evaluation.class);

    private final TournamentService tournaments;
    private final EpochStart epochStart;
    private final ItemJobs items;

    Evaluation(TournamentService tournaments, EpochStart epochStart, ItemJobs items) {
        this.tournaments = tournaments;
        this.epochStart = epochStart;
        this.items = items;
    }

    public void run() {
        EachTournament.apply("preparing runs", tournaments.listTournaments(TournamentStatus.ACTIVE),
                epochStart::ensureRuns);
        for (SubmissionStatus status : new SubmissionStatus[] { SubmissionStatus.PENDING, SubmissionStatus.VALIDATING }) {
            scheduleEach(tournaments.listSubmissions(status).stream().map(Submission::getId).toList(),
                    items::scheduleSubmission);
        }
        for (RunStatus status : new RunStatus[] { RunStatus.PENDING, RunStatus.RUNNING }) {
            scheduleEach(tournaments.listRuns(status).stream().map(EvaluationRun::getId).toList(), items::scheduleRun);
        }
    }

    /** One item that cannot be scheduled now is logged and left for the next evaluation. */
    private static void scheduleEach(List<UUID> ids, Consumer<UUID> schedule) {
        for (UUID id : ids) {
            try {
                schedule.accept(id);
            } catch (RuntimeException e) {
                log.warn("could not schedule {} now: {}", id, e.toString());
            }
        }
    }
}
