package io.subnet2.validator.jobs.internal;

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
            for (Submission submission : tournaments.listSubmissions(status)) {
                items.scheduleSubmission(submission.getId());
            }
        }
        for (RunStatus status : new RunStatus[] { RunStatus.PENDING, RunStatus.RUNNING }) {
            for (EvaluationRun run : tournaments.listRuns(status)) {
                items.scheduleRun(run.getId());
            }
        }
    }
}
