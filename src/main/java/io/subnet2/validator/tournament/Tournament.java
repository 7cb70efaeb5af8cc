package io.subnet2.validator.tournament;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tournament row; changed only through {@link TournamentService}. */
@Entity
@Table(name = "tournaments")
public class Tournament {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private String name;
    private int netuid;
    @Enumerated(EnumType.STRING)
    private TournamentStatus status = TournamentStatus.PENDING;
    private Instant registrationStart;
    private Instant registrationEnd;
    private long startBlock;
    private long endBlock;
    private int epochBlocks;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> testNetworks;
    private String baselineRepository;
    private String baselineVersion;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String config;
    private String failureReason;
    private Instant createdAt;
    private Instant completedAt;

    protected Tournament() {
    }

    Tournament(NewTournament spec, Instant now) {
        this.name = spec.name();
        this.netuid = spec.netuid();
        this.registrationStart = spec.registrationStart();
        this.registrationEnd = spec.registrationEnd();
        this.startBlock = spec.startBlock();
        this.endBlock = spec.endBlock();
        this.epochBlocks = spec.epochBlocks();
        this.testNetworks = List.copyOf(spec.testNetworks());
        this.baselineRepository = spec.baselineRepository();
        this.baselineVersion = spec.baselineVersion();
        this.config = spec.configJson();
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public int getNetuid() { return netuid; }
    public TournamentStatus getStatus() { return status; }
    public Instant getRegistrationStart() { return registrationStart; }
    public Instant getRegistrationEnd() { return registrationEnd; }
    public long getStartBlock() { return startBlock; }
    public long getEndBlock() { return endBlock; }
    public int getEpochBlocks() { return epochBlocks; }
    public List<String> getTestNetworks() { return List.copyOf(testNetworks); }
    public String getBaselineRepository() { return baselineRepository; }
    public String getBaselineVersion() { return baselineVersion; }
    /** Snapshot (JSON) of the scoring weights, limits and dataset size this tournament uses. */
    public String getConfig() { return config; }
    public String getFailureReason() { return failureReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCompletedAt() { return completedAt; }

    /** Epoch arithmetic over this tournament's blocks. */
    public Epochs epochs() {
        return new Epochs(startBlock, endBlock, epochBlocks);
    }

    void moveTo(TournamentStatus next, String reason, Instant now) {
        if (next == status) {
            return;
        }
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("tournament", id, status, next);
        }
        status = next;
        if (next == TournamentStatus.COMPLETED) {
            completedAt = now;
        }
        if (next == TournamentStatus.FAILED) {
            failureReason = reason;
            completedAt = now;
        }
    }
}
