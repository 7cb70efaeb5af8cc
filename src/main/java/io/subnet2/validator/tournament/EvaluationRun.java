package io.subnet2.validator.tournament;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One submission evaluated on one epoch's dataset of one network; changed only through {@link TournamentService}. */
@Entity
@Table(name = "evaluation_runs")
public class EvaluationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID submissionId;
    private int epochNumber;
    private String network;
    private LocalDate testDate;
    @Enumerated(EnumType.STRING)
    private RunStatus status = RunStatus.PENDING;
    private Double executionTimeSeconds;
    private Double featureTimeSeconds;
    private Double patternTimeSeconds;
    private Integer exitCode;
    private Boolean dataCorrectness;
    private Double patternAccuracy;
    private Double patternRecall;
    private Double patternPrecision;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String recallByType;
    private Double noveltyScore;
    private Double performanceScore;
    private Double finalScore;
    private Integer patternsReported;
    private Integer patternsValid;
    private Integer instancesExpected;
    private Integer instancesFound;
    @Enumerated(EnumType.STRING)
    private FailureKind failureKind;
    private int attempts;
    private String logExcerpt;
    private String errorMessage;
    private Instant startedAt;
    private Instant completedAt;

    protected EvaluationRun() {
    }

    EvaluationRun(UUID submissionId, RunKey key) {
        this.submissionId = submissionId;
        this.epochNumber = key.epochNumber();
        this.network = key.network();
        this.testDate = key.testDate();
    }

    public UUID getId() { return id; }
    public UUID getSubmissionId() { return submissionId; }
    public int getEpochNumber() { return epochNumber; }
    public String getNetwork() { return network; }
    public LocalDate getTestDate() { return testDate; }
    public RunKey key() { return new RunKey(epochNumber, network, testDate); }
    public RunStatus getStatus() { return status; }
    public Double getExecutionTimeSeconds() { return executionTimeSeconds; }
    public Double getFeatureTimeSeconds() { return featureTimeSeconds; }
    public Double getPatternTimeSeconds() { return patternTimeSeconds; }
    public Integer getExitCode() { return exitCode; }
    public Boolean getDataCorrectness() { return dataCorrectness; }
    /** Average precision over the confidence ranking (scoring v2); null for runs scored before it. */
    public Double getPatternAccuracy() { return patternAccuracy; }
    public Double getPatternRecall() { return patternRecall; }
    public Double getPatternPrecision() { return patternPrecision; }
    /** Recall per ground-truth pattern_type, JSON: {"type": {"counted", "found", "recall"}}. */
    public String getRecallByType() { return recallByType; }
    public Double getNoveltyScore() { return noveltyScore; }
    public Double getPerformanceScore() { return performanceScore; }
    public Double getFinalScore() { return finalScore; }
    public Integer getPatternsReported() { return patternsReported; }
    public Integer getPatternsValid() { return patternsValid; }
    public Integer getInstancesExpected() { return instancesExpected; }
    public Integer getInstancesFound() { return instancesFound; }
    public FailureKind getFailureKind() { return failureKind; }
    public int getAttempts() { return attempts; }
    public String getLogExcerpt() { return logExcerpt; }
    public String getErrorMessage() { return errorMessage; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }

    void start(Instant now) {
        move(RunStatus.RUNNING);
        attempts++;
        startedAt = now;
        completedAt = null;
    }

    /** A platform fault: back to pending for another attempt; nothing is charged to the miner. */
    void retryLater(String reason) {
        move(RunStatus.PENDING);
        failureKind = FailureKind.PLATFORM;
        errorMessage = reason;
    }

    void finish(RunOutcome outcome, Instant now) {
        move(outcome.status());
        executionTimeSeconds = outcome.featureTimeSeconds() == null || outcome.patternTimeSeconds() == null
                ? null : outcome.featureTimeSeconds() + outcome.patternTimeSeconds();
        featureTimeSeconds = outcome.featureTimeSeconds();
        patternTimeSeconds = outcome.patternTimeSeconds();
        exitCode = outcome.exitCode();
        dataCorrectness = outcome.dataCorrectness();
        patternAccuracy = outcome.patternAccuracy();
        recallByType = outcome.recallByType();
        patternRecall = outcome.patternRecall();
        patternPrecision = outcome.patternPrecision();
        noveltyScore = outcome.noveltyScore();
        performanceScore = outcome.performanceScore();
        finalScore = outcome.finalScore();
        patternsReported = outcome.patternsReported();
        patternsValid = outcome.patternsValid();
        instancesExpected = outcome.instancesExpected();
        instancesFound = outcome.instancesFound();
        failureKind = outcome.failureKind();
        logExcerpt = outcome.logExcerpt();
        errorMessage = outcome.errorMessage();
        completedAt = now;
    }

    private void move(RunStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("run", id, status, next);
        }
        status = next;
    }
}
