package io.subnet2.validator.tournament;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.subnet2.validator.tournament.internal.EvaluationRunRepository;
import io.subnet2.validator.tournament.internal.SubmissionRepository;
import io.subnet2.validator.tournament.internal.TournamentRepository;
import io.subnet2.validator.tournament.internal.TournamentResultRepository;

/**
 * The tournament module's operations. Every status change and every score write is one transaction;
 * rows are locked while they change so several validators can share one database.
 */
@Service
@Transactional
public class TournamentService {

    private static final Logger log = LoggerFactory.getLogger(TournamentService.class);
    /** "Active" for {@link #findActiveByNetuid}: registration or active (spec/lifecycle.md). */
    private static final EnumSet<TournamentStatus> OPEN = EnumSet.of(TournamentStatus.REGISTRATION,
            TournamentStatus.ACTIVE);

    private final TournamentRepository tournaments;
    private final SubmissionRepository submissions;
    private final EvaluationRunRepository runs;
    private final TournamentResultRepository results;
    private final Clock clock;

    TournamentService(TournamentRepository tournaments, SubmissionRepository submissions, EvaluationRunRepository runs,
            TournamentResultRepository results, Clock clock) {
        this.tournaments = tournaments;
        this.submissions = submissions;
        this.runs = runs;
        this.results = results;
        this.clock = clock;
    }

    /** Database timestamps keep microseconds; so do the values handed back to callers. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // --- tournaments

    public Tournament createTournament(NewTournament spec) {
        return tournaments.saveAndFlush(new Tournament(spec, now()));
    }

    @Transactional(readOnly = true)
    public Tournament getTournament(UUID id) {
        return tournaments.findById(id).orElseThrow(() -> new NotFoundException("tournament", id));
    }

    @Transactional(readOnly = true)
    public Optional<Tournament> findActiveByNetuid(int netuid) {
        return tournaments.findFirstByNetuidAndStatusIn(netuid, OPEN);
    }

    @Transactional(readOnly = true)
    public List<Tournament> listTournaments() {
        return tournaments.findAllByOrderByCreatedAtDesc();
    }

    @Transactional(readOnly = true)
    public List<Tournament> listTournaments(TournamentStatus first, TournamentStatus... rest) {
        return tournaments.findByStatusInOrderByCreatedAt(EnumSet.of(first, rest));
    }

    /** Moves a tournament; moving to its current status is a no-op, an illegal move throws. */
    public Tournament updateStatus(UUID id, TournamentStatus next) {
        Tournament tournament = tournaments.lockById(id).orElseThrow(() -> new NotFoundException("tournament", id));
        tournament.moveTo(next, null, now());
        return tournaments.saveAndFlush(tournament);
    }

    public Tournament fail(UUID id, String reason) {
        Tournament tournament = tournaments.lockById(id).orElseThrow(() -> new NotFoundException("tournament", id));
        tournament.moveTo(TournamentStatus.FAILED, reason, now());
        return tournaments.saveAndFlush(tournament);
    }

    // --- submissions

    /**
     * Records a miner's answer: a new hotkey creates a submission, the same code again changes nothing,
     * different code replaces the submission (back to pending).
     */
    public Submission upsertSubmission(UUID tournamentId, NewSubmission spec) {
        getTournament(tournamentId);
        Optional<Submission> existing = findSubmission(tournamentId, spec.hotkey());
        if (existing.isEmpty()) {
            return submissions.saveAndFlush(new Submission(tournamentId, spec, now()));
        }
        Submission submission = submissions.lockById(existing.get().getId()).orElseThrow();
        if (!submission.sameCode(spec)) {
            log.info("hotkey {} replaced its submission {} with {}@{}", spec.hotkey(), submission.getId(),
                    spec.repositoryUrl(), spec.commitHash());
            submission.replaceWith(spec, now());
        }
        return submissions.saveAndFlush(submission);
    }

    @Transactional(readOnly = true)
    public Submission getSubmission(UUID id) {
        return submissions.findById(id).orElseThrow(() -> new NotFoundException("submission", id));
    }

    /** The hotkey's current submission (a deregistered one is history and not returned). */
    @Transactional(readOnly = true)
    public Optional<Submission> findSubmission(UUID tournamentId, String hotkey) {
        return submissions.findFirstByTournamentIdAndHotkeyAndStatusNot(tournamentId, hotkey,
                SubmissionStatus.DEREGISTERED);
    }

    /**
     * The hotkey no longer holds the submission's uid: the submission is kept for history but never collected,
     * run or weighted again; if the hotkey registers again it starts a new submission.
     */
    public Submission deregisterSubmission(UUID id, String reason) {
        Submission submission = submissions.lockById(id).orElseThrow(() -> new NotFoundException("submission", id));
        if (submission.isBaseline()) {
            throw new IllegalArgumentException("the baseline is no miner and cannot be deregistered");
        }
        if (submission.getStatus() != SubmissionStatus.DEREGISTERED) {
            log.info("submission {} of hotkey {} (uid {}) deregistered: {}", id, submission.getHotkey(),
                    submission.getUid(), reason);
            submission.deregister(reason, now());
        }
        return submissions.saveAndFlush(submission);
    }

    @Transactional(readOnly = true)
    public List<Submission> listSubmissions(UUID tournamentId) {
        return submissions.findByTournamentIdOrderBySubmittedAtAscHotkeyAsc(tournamentId);
    }

    @Transactional(readOnly = true)
    public List<Submission> listSubmissions(SubmissionStatus status) {
        return submissions.findByStatusOrderBySubmittedAt(status);
    }

    public Submission updateSubmissionStatus(UUID id, SubmissionStatus next) {
        Submission submission = submissions.lockById(id).orElseThrow(() -> new NotFoundException("submission", id));
        submission.moveTo(next, now());
        return submissions.saveAndFlush(submission);
    }

    /** Stores the verdict of a validation in progress (validating -> validated | failed | disqualified). */
    public Submission recordVerdict(UUID id, SubmissionVerdict verdict) {
        Submission submission = submissions.lockById(id).orElseThrow(() -> new NotFoundException("submission", id));
        submission.moveTo(verdict.status(), now());
        submission.recordValidation(verdict);
        return submissions.saveAndFlush(submission);
    }

    // --- runs

    /** The run of a submission for a key, created when missing (idempotent, concurrency-safe). */
    public EvaluationRun ensureRun(UUID submissionId, RunKey key) {
        getSubmission(submissionId);
        runs.insertIfAbsent(submissionId, key.epochNumber(), key.network(), key.testDate());
        return runs.findBySubmissionIdAndEpochNumberAndNetworkAndTestDate(submissionId, key.epochNumber(),
                key.network(), key.testDate()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public EvaluationRun getRun(UUID id) {
        return runs.findById(id).orElseThrow(() -> new NotFoundException("run", id));
    }

    @Transactional(readOnly = true)
    public List<EvaluationRun> listRuns(UUID submissionId) {
        return runs.findBySubmissionIdOrderByEpochNumberAscNetworkAsc(submissionId);
    }

    @Transactional(readOnly = true)
    public List<EvaluationRun> listRunsOfTournament(UUID tournamentId) {
        return runs.findByTournament(tournamentId);
    }

    @Transactional(readOnly = true)
    public List<EvaluationRun> listRuns(RunStatus status) {
        return runs.findByStatusOrderByEpochNumberAscNetworkAsc(status);
    }

    /** pending -> running (counts an attempt); throws when the run is not pending, e.g. taken by another worker. */
    public EvaluationRun startRun(UUID id) {
        EvaluationRun run = lockRun(id);
        run.start(now());
        return runs.saveAndFlush(run);
    }

    /** A platform fault: running -> pending, to be attempted again. */
    public EvaluationRun retryRun(UUID id, String reason) {
        EvaluationRun run = lockRun(id);
        run.retryLater(reason);
        return runs.saveAndFlush(run);
    }

    /** Terminal write; writing a run that is already terminal changes nothing. */
    public EvaluationRun finishRun(UUID id, RunOutcome outcome) {
        EvaluationRun run = lockRun(id);
        if (run.getStatus().isTerminal()) {
            return run;
        }
        run.finish(outcome, now());
        return runs.saveAndFlush(run);
    }

    private EvaluationRun lockRun(UUID id) {
        return runs.lockById(id).orElseThrow(() -> new NotFoundException("run", id));
    }

    // --- results

    /** Replaces a tournament's results with {@code computed} (one row per hotkey). */
    public List<TournamentResult> replaceResults(UUID tournamentId, List<NewResult> computed) {
        tournaments.lockById(tournamentId).orElseThrow(() -> new NotFoundException("tournament", tournamentId));
        Map<String, NewResult> byHotkey = new HashMap<>();
        computed.forEach(r -> {
            if (byHotkey.put(r.hotkey(), r) != null) {
                throw new IllegalArgumentException("two results for hotkey " + r.hotkey());
            }
        });
        Instant now = now();
        for (TournamentResult existing : results.findRanked(tournamentId)) {
            NewResult update = byHotkey.remove(existing.getHotkey());
            if (update == null) {
                results.delete(existing);
            } else {
                existing.update(update, now);
            }
        }
        byHotkey.values().forEach(r -> results.save(new TournamentResult(tournamentId, r, now)));
        results.flush();
        return results.findRanked(tournamentId);
    }

    @Transactional(readOnly = true)
    public List<TournamentResult> listResults(UUID tournamentId) {
        return results.findRanked(tournamentId);
    }
}
