package io.subnet2.validator.jobs.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.subnet2.validator.jobs.EvaluationProperties;
import io.subnet2.validator.submission.SubmissionOutcome;
import io.subnet2.validator.submission.SubmissionPipeline;
import io.subnet2.validator.submission.SubmissionRequest;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.SubmissionVerdict;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Validation of one submission: pending → validating → validated | failed | disqualified. Faults that
 * are probably not the miner's (engine down, fetch timeout) go back to pending and are tried again.
 */
@Component
class SubmissionValidation {

    private static final Logger log = LoggerFactory.getLogger(SubmissionValidation.class);

    private final TournamentService tournaments;
    private final SubmissionPipeline pipeline;
    private final EvaluationProperties evaluation;

    SubmissionValidation(TournamentService tournaments, SubmissionPipeline pipeline, EvaluationProperties evaluation) {
        this.tournaments = tournaments;
        this.pipeline = pipeline;
        this.evaluation = evaluation;
    }

    /**
     * Validates the submission (attempt number {@code attempt}, from 1).
     *
     * @return when to try again, or empty when the submission reached a final state or needs nothing
     */
    Optional<Instant> validate(UUID submissionId, int attempt) {
        Submission submission = tournaments.getSubmission(submissionId);
        Tournament tournament = tournaments.getTournament(submission.getTournamentId());
        if (submission.getStatus().isFinal() || submission.getStatus() == SubmissionStatus.DEREGISTERED
                || isOver(tournament.getStatus())) {
            return Optional.empty();
        }
        if (submission.getStatus() == SubmissionStatus.PENDING) {
            tournaments.updateSubmissionStatus(submissionId, SubmissionStatus.VALIDATING);
        }
        SubmissionRequest request = new SubmissionRequest(submissionId, tournament.getId(), submission.getHotkey(),
                submission.getUid(), submission.getRepositoryUrl(), submission.getCommitHash());
        SubmissionOutcome outcome = isLocalBaseline(submission)
                ? pipeline.processLocalDirectory(request, Path.of(submission.getRepositoryUrl()).toAbsolutePath(),
                        submission.getCommitHash())
                : pipeline.process(request);

        Submission current = tournaments.getSubmission(submissionId);
        if (current.getStatus() != SubmissionStatus.VALIDATING
                || !current.getCommitHash().equals(submission.getCommitHash())) {
            log.info("submission {} changed while it was validated; verdict dropped", submissionId);
            return Optional.empty();
        }
        if (outcome.retryable() && attempt < evaluation.maxAttempts()) {
            log.warn("submission {} attempt {} hit a platform fault, retrying: {}", submissionId, attempt,
                    outcome.validationError());
            tournaments.updateSubmissionStatus(submissionId, SubmissionStatus.PENDING);
            return Optional.of(Instant.now().plus(evaluation.retryDelay()));
        }
        tournaments.recordVerdict(submissionId, new SubmissionVerdict(statusOf(outcome.status()),
                outcome.dockerImageTag(), outcome.imageDigest(), outcome.validationError(),
                outcome.warnings().isEmpty() ? null : String.join("\n", outcome.warnings()), outcome.buildLog()));
        return Optional.empty();
    }

    /** The baseline of local mode may be a folder (examples/baseline-analyzer) instead of a URL. */
    static boolean isLocalBaseline(Submission submission) {
        return submission.isBaseline() && !submission.getRepositoryUrl().contains("://");
    }

    private static boolean isOver(TournamentStatus status) {
        return status == TournamentStatus.COMPLETED || status == TournamentStatus.FAILED;
    }

    private static SubmissionStatus statusOf(SubmissionOutcome.Status status) {
        return switch (status) {
            case VALIDATED -> SubmissionStatus.VALIDATED;
            case FAILED -> SubmissionStatus.FAILED;
            case DISQUALIFIED -> SubmissionStatus.DISQUALIFIED;
        };
    }
}
