package io.subnet2.validator.jobs.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.chain.WeightPublisher;
import io.subnet2.validator.chain.WeightVector;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.scoring.MinerRuns;
import io.subnet2.validator.scoring.RankedResult;
import io.subnet2.validator.scoring.ScoredRun;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.scoring.TournamentRanking;
import io.subnet2.validator.scoring.WeightPolicy;
import io.subnet2.validator.submission.SubmissionPipeline;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.FailureKind;
import io.subnet2.validator.tournament.NewResult;
import io.subnet2.validator.tournament.RunKey;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Epoch end (spec/lifecycle.md, scoring.md §6-7): recomputes every tournament's results from its
 * finished runs, stores them, publishes the weight vector, and completes tournaments past end_block.
 */
@Component
public class EpochEnd {

    private static final Logger log = LoggerFactory.getLogger(EpochEnd.class);

    private final TournamentService tournaments;
    private final TournamentSettings settings;
    private final WeightPublisher publisher;
    private final BlockClock blockClock;
    private final SubmissionPipeline pipeline;

    EpochEnd(TournamentService tournaments, TournamentSettings settings, WeightPublisher publisher,
            BlockClock blockClock, SubmissionPipeline pipeline) {
        this.tournaments = tournaments;
        this.settings = settings;
        this.publisher = publisher;
        this.blockClock = blockClock;
        this.pipeline = pipeline;
    }

    public void run() {
        EachTournament.apply("epoch end",
                tournaments.listTournaments(TournamentStatus.ACTIVE, TournamentStatus.SCORING), this::end);
    }

    /**
     * Recomputes and publishes the results of the newest active (or scoring) tournament without changing any
     * status: the weights job calls it whenever the publisher wants fresh weights (once per tempo on chain).
     */
    public void publishLatest() {
        tournaments.listTournaments(TournamentStatus.ACTIVE, TournamentStatus.SCORING).stream()
                .max(Comparator.comparingLong(Tournament::getStartBlock)).ifPresentOrElse(
                        t -> EachTournament.apply("weights", List.of(t), tournament -> publishResults(tournament,
                                tournament.epochs().epochAt(blockClock.currentBlock()),
                                tournaments.listRunsOfTournament(tournament.getId()))),
                        () -> log.info("weights wanted, but no active tournament has results to publish"));
    }

    private void end(Tournament tournament) {
        long block = blockClock.currentBlock();
        boolean ended = tournament.epochs().hasEnded(block);
        if (ended) {
            tournament = tournaments.updateStatus(tournament.getId(), TournamentStatus.SCORING);
        }
        List<EvaluationRun> runs = tournaments.listRunsOfTournament(tournament.getId());
        publishResults(tournament, tournament.epochs().epochAt(block), runs);
        if (ended && runs.stream().allMatch(r -> r.getStatus().isTerminal())) {
            tournaments.updateStatus(tournament.getId(), TournamentStatus.COMPLETED);
            pipeline.removeTournamentImages(tournament.getId(), liveImageIds());
            log.info("tournament {} completed", tournament.getId());
        }
    }

    /** Image ids of the submissions of every tournament that is not finished (their runs start them). */
    private Set<String> liveImageIds() {
        return tournaments.listTournaments().stream()
                .filter(t -> t.getStatus() != TournamentStatus.COMPLETED && t.getStatus() != TournamentStatus.FAILED)
                .flatMap(t -> tournaments.listSubmissions(t.getId()).stream())
                .map(Submission::getImageDigest).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private void publishResults(Tournament tournament, long epoch, List<EvaluationRun> runs) {
        ScoringProperties props = settings.scoring(tournament);
        Map<UUID, List<EvaluationRun>> bySubmission = runs.stream()
                .collect(Collectors.groupingBy(EvaluationRun::getSubmissionId));
        Set<RunKey> dueKeys = runs.stream().filter(EpochEnd::counts).map(EvaluationRun::key)
                .collect(Collectors.toSet());
        List<MinerRuns> miners = new ArrayList<>();
        MinerRuns baseline = null;
        for (Submission s : tournaments.listSubmissions(tournament.getId())) {
            if (s.getStatus() == SubmissionStatus.DEREGISTERED) {
                continue; // its hotkey lost the uid: nothing of it carries over to whoever holds the uid now
            }
            MinerRuns minerRuns = minerRuns(s, bySubmission.getOrDefault(s.getId(), List.of()), dueKeys);
            if (s.isBaseline()) {
                baseline = minerRuns;
            } else {
                miners.add(minerRuns);
            }
        }
        List<RankedResult> ranked = TournamentRanking.rank(miners, baseline, props);
        double baselineFinal = baseline == null ? 0 : TournamentRanking.aggregate(baseline).finalScore();
        SortedMap<Integer, Double> weights = WeightPolicy.weights(ranked, baselineFinal, props.weights());
        List<NewResult> results = new ArrayList<>();
        for (RankedResult r : ranked) {
            results.add(new NewResult(r.hotkey(), r.uid(), r.patternAccuracyScore(), r.dataCorrectnessScore(),
                    r.performanceScore(), r.finalScore(), r.rank(), r.beatBaseline(), r.isWinner(), r.runsCounted(),
                    weights.getOrDefault(r.uid(), 0.0)));
        }
        if (baseline != null) {
            RankedResult b = TournamentRanking.aggregate(baseline);
            results.add(new NewResult(b.hotkey(), b.uid(), b.patternAccuracyScore(), b.dataCorrectnessScore(),
                    b.performanceScore(), b.finalScore(), null, false, false, b.runsCounted(), 0.0));
        }
        tournaments.replaceResults(tournament.getId(), results);
        if (!WeightPolicy.anyWeight(weights)) {
            log.info("tournament {} epoch {}: nobody beat the baseline and no burn uid is set; no weights published",
                    tournament.getId(), epoch);
            return;
        }
        publisher.publish(new WeightVector(tournament.getId(), epoch, props.weights().policy().id(),
                weights.entrySet().stream().map(e -> new WeightVector.UidWeight(e.getKey(), e.getValue())).toList()));
    }

    /** A finished run that is not a platform fault: it counts, and makes its data due for every miner. */
    private static boolean counts(EvaluationRun run) {
        return run.getStatus().isTerminal() && run.getFailureKind() != FailureKind.PLATFORM;
    }

    /**
     * A submission's runs over the due data: missing runs and miner faults score 0; a run still being
     * retried after a platform fault is not due yet.
     */
    private static MinerRuns minerRuns(Submission s, List<EvaluationRun> runs, Set<RunKey> dueKeys) {
        List<ScoredRun> scored = new ArrayList<>();
        Set<RunKey> notDue = new HashSet<>();
        for (EvaluationRun run : runs) {
            if (!dueKeys.contains(run.key())) {
                continue;
            }
            if (!counts(run)) {
                notDue.add(run.key());
            } else if (run.getStatus() == RunStatus.COMPLETED && run.getFinalScore() != null) {
                // runs scored before v2 have no pattern_accuracy: theirs was recall x precision
                double accuracy = run.getPatternAccuracy() != null ? run.getPatternAccuracy()
                        : run.getPatternRecall() * run.getPatternPrecision();
                scored.add(new ScoredRun(accuracy,
                        Boolean.TRUE.equals(run.getDataCorrectness()), run.getPerformanceScore(), run.getFinalScore()));
            } else {
                scored.add(ScoredRun.zero());
            }
        }
        return new MinerRuns(s.getHotkey(), s.getUid(), s.getSubmittedAt(), dueKeys.size() - notDue.size(), scored);
    }
}
