package io.subnet2.validator.tournament;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A miner's (or the baseline's) analyzer for one tournament; changed only through {@link TournamentService}. */
@Entity
@Table(name = "submissions")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID tournamentId;
    private String hotkey;
    private int uid;
    private String repositoryUrl;
    private String commitHash;
    private String dockerImageTag;
    private String imageDigest;
    private boolean isBaseline;
    @Enumerated(EnumType.STRING)
    private SubmissionStatus status = SubmissionStatus.PENDING;
    private String validationError;
    private String validationWarnings;
    private String buildLog;
    private Instant submittedAt;
    private Instant validatedAt;

    protected Submission() {
    }

    Submission(UUID tournamentId, NewSubmission spec, Instant now) {
        this.tournamentId = tournamentId;
        this.hotkey = spec.hotkey();
        this.uid = spec.uid();
        this.repositoryUrl = spec.repositoryUrl();
        this.commitHash = spec.commitHash();
        this.isBaseline = spec.baseline();
        this.submittedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getTournamentId() { return tournamentId; }
    public String getHotkey() { return hotkey; }
    public int getUid() { return uid; }
    public String getRepositoryUrl() { return repositoryUrl; }
    public String getCommitHash() { return commitHash; }
    public String getDockerImageTag() { return dockerImageTag; }
    public String getImageDigest() { return imageDigest; }
    public boolean isBaseline() { return isBaseline; }
    public SubmissionStatus getStatus() { return status; }
    public String getValidationError() { return validationError; }
    /** Code scanner warnings, one per line (recorded, not disqualifying). */
    public String getValidationWarnings() { return validationWarnings; }
    public String getBuildLog() { return buildLog; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getValidatedAt() { return validatedAt; }

    boolean sameCode(NewSubmission spec) {
        return repositoryUrl.equals(spec.repositoryUrl()) && commitHash.equals(spec.commitHash());
    }

    void replaceWith(NewSubmission spec, Instant now) {
        uid = spec.uid();
        repositoryUrl = spec.repositoryUrl();
        commitHash = spec.commitHash();
        dockerImageTag = null;
        imageDigest = null;
        validationError = null;
        validationWarnings = null;
        buildLog = null;
        validatedAt = null;
        submittedAt = now;
        status = SubmissionStatus.PENDING;
    }

    void moveTo(SubmissionStatus next, Instant now) {
        if (next == status) {
            return;
        }
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("submission", id, status, next);
        }
        status = next;
        validatedAt = next.isFinal() ? now : null;
        if (next == SubmissionStatus.PENDING || next == SubmissionStatus.VALIDATING) {
            validationError = null;
        }
    }

    void deregister(String reason, Instant now) {
        moveTo(SubmissionStatus.DEREGISTERED, now);
        validationError = reason;
    }

    void recordValidation(SubmissionVerdict verdict) {
        dockerImageTag = verdict.dockerImageTag();
        imageDigest = verdict.imageDigest();
        validationError = verdict.validationError();
        validationWarnings = verdict.warnings();
        buildLog = verdict.buildLog();
    }
}
