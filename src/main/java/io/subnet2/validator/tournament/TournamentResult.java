package io.subnet2.validator.tournament;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A miner's standing in a tournament, recomputed at every epoch end. */
@Entity
@Table(name = "tournament_results")
public class TournamentResult {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID tournamentId;
    private String hotkey;
    private int uid;
    private double patternAccuracyScore;
    private double dataCorrectnessScore;
    private double performanceScore;
    private double finalScore;
    private Integer rank;
    private boolean beatBaseline;
    private boolean isWinner;
    private int runsCounted;
    private double weight;
    private Instant calculatedAt;

    protected TournamentResult() {
    }

    TournamentResult(UUID tournamentId, NewResult result, Instant now) {
        this.tournamentId = tournamentId;
        this.hotkey = result.hotkey();
        update(result, now);
    }

    void update(NewResult result, Instant now) {
        uid = result.uid();
        patternAccuracyScore = result.patternAccuracyScore();
        dataCorrectnessScore = result.dataCorrectnessScore();
        performanceScore = result.performanceScore();
        finalScore = result.finalScore();
        rank = result.rank();
        beatBaseline = result.beatBaseline();
        isWinner = result.winner();
        runsCounted = result.runsCounted();
        weight = result.weight();
        calculatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getTournamentId() { return tournamentId; }
    public String getHotkey() { return hotkey; }
    public int getUid() { return uid; }
    public double getPatternAccuracyScore() { return patternAccuracyScore; }
    public double getDataCorrectnessScore() { return dataCorrectnessScore; }
    public double getPerformanceScore() { return performanceScore; }
    public double getFinalScore() { return finalScore; }
    public Integer getRank() { return rank; }
    public boolean isBeatBaseline() { return beatBaseline; }
    public boolean isWinner() { return isWinner; }
    public int getRunsCounted() { return runsCounted; }
    public double getWeight() { return weight; }
    public Instant getCalculatedAt() { return calculatedAt; }
}
