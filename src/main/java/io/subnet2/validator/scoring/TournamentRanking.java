package io.subnet2.validator.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tournament results at epoch end (scoring.md §6): per-miner means over the due runs, ranking by
 * final score (ties: earlier submitted_at, then hotkey), beat_baseline and is_winner. Means sum the
 * run values in sorted order, so the input order never changes a bit of the result.
 */
public final class TournamentRanking {

    private static final Comparator<RankedResult> ORDER = Comparator
            .comparingDouble(RankedResult::finalScore).reversed()
            .thenComparing(RankedResult::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RankedResult::hotkey, Comparator.nullsLast(Comparator.naturalOrder()));

    private TournamentRanking() {
    }

    /** Ranked miners (rank 1 first); the baseline (may be null: no baseline result) is not ranked. */
    public static List<RankedResult> rank(List<MinerRuns> miners, MinerRuns baseline, ScoringProperties props) {
        double bar = (baseline == null ? 0.0 : aggregate(baseline).finalScore()) + props.beatMargin();
        List<RankedResult> results = new ArrayList<>();
        for (MinerRuns miner : miners) {
            results.add(aggregate(miner));
        }
        results.sort(ORDER);
        List<RankedResult> ranked = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            RankedResult r = results.get(i);
            boolean beat = r.finalScore() > bar;
            ranked.add(new RankedResult(r.hotkey(), r.uid(), r.submittedAt(), r.patternAccuracyScore(),
                    r.dataCorrectnessScore(), r.performanceScore(), r.finalScore(), r.runsCounted(), i + 1,
                    beat, i == 0 && beat));
        }
        return ranked;
    }

    /** Means over the due runs, unranked (rank 0): also the baseline's own result. */
    public static RankedResult aggregate(MinerRuns miner) {
        int due = miner.runsDue();
        List<ScoredRun> runs = miner.runs();
        double[] accuracy = new double[runs.size()];
        double[] correct = new double[runs.size()];
        double[] performance = new double[runs.size()];
        double[] finals = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            accuracy[i] = runs.get(i).patternAccuracy();
            correct[i] = runs.get(i).dataCorrect() ? 1 : 0;
            performance[i] = runs.get(i).performance();
            finals[i] = runs.get(i).finalScore();
        }
        return new RankedResult(miner.hotkey(), miner.uid(), miner.submittedAt(), mean(accuracy, due),
                mean(correct, due), mean(performance, due), mean(finals, due), due, 0, false, false);
    }

    private static double mean(double[] values, int due) {
        if (due == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return sum / due;
    }
}
