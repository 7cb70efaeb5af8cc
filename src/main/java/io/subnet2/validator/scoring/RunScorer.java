package io.subnet2.validator.scoring;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import io.subnet2.validator.scoring.internal.FeatureGate;
import io.subnet2.validator.scoring.internal.OutputRejectedException;
import io.subnet2.validator.scoring.internal.PatternReader;
import io.subnet2.validator.scoring.internal.PatternScorer;
import io.subnet2.validator.scoring.internal.PatternVerifier;
import io.subnet2.validator.scoring.internal.ReadBudget;
import io.subnet2.validator.scoring.internal.ReportedPatterns;

/** Scores one run (scoring.md §1-5). Deterministic: the same outputs and dataset give identical scores. */
public final class RunScorer {

    private static final String FEATURES = "features.parquet";

    private RunScorer() {
    }

    /** Loads the dataset and scores the run; see {@link #score(ScoringDataset, Path, PhaseTimes, PhaseTimes)}. */
    public static RunScore score(RunScoreRequest request) {
        ScoringDataset dataset = ScoringDataset.load(request.input(), request.groundTruth(), request.properties());
        return score(dataset, request.output(), request.miner(), request.baseline());
    }

    /**
     * @throws DatasetUnreadableException when the dataset cannot be read (a platform fault); every
     *                                    problem of the output folder is a miner fault in the result
     */
    public static RunScore score(ScoringDataset dataset, Path output, PhaseTimes miner, PhaseTimes baseline) {
        try (ReadBudget.Scope budget = ReadBudget.forRun(dataset.properties.limits())) { // shared by the run's files
            return scoreWithinBudget(dataset, output, miner, baseline);
        }
    }

    private static RunScore scoreWithinBudget(ScoringDataset dataset, Path output, PhaseTimes miner,
            PhaseTimes baseline) {
        ScoringProperties props = dataset.properties;
        Double executionTime = miner.totalSeconds();
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            return RunScore.minerFault("output folder is missing or not a directory", executionTime);
        }
        FeatureGate.Result gate;
        PatternScorer.Outcome outcome;
        synchronized (dataset) {
            // the gate only reads the index; it runs beside pattern verification (which sorts lazily)
            FutureTask<FeatureGate.Result> gateTask = new FutureTask<>(
                    () -> FeatureGate.check(output.resolve(FEATURES), dataset.index, props));
            Thread gateThread = new Thread(gateTask, "scoring-features-gate");
            gateThread.setDaemon(true);
            gateThread.start();
            Throwable patternsFailure = null;
            PatternScorer.Outcome scored = null;
            try {
                ReportedPatterns patterns = PatternReader.read(output, dataset.index, props.limits());
                PatternVerifier verifier = new PatternVerifier(dataset.index, dataset.flagged, props.rules());
                scored = PatternScorer.score(patterns, verifier, dataset.instances, dataset.index.addresses,
                        props.rules());
            } catch (Throwable e) { // StackOverflowError and the like too: the output caused it
                patternsFailure = e;
            }
            try {
                gate = join(gateTask);
                if (patternsFailure != null) {
                    throw patternsFailure;
                }
                outcome = scored;
            } catch (OutputRejectedException e) {
                return RunScore.minerFault(e.getMessage(), executionTime);
            } catch (RuntimeException e) {
                return RunScore.minerFault("output cannot be decoded: " + e, executionTime);
            } catch (OutOfMemoryError e) {
                // parquet-mr sizes some buffers from headers inside pages; a single refused allocation
                // leaves the heap intact, so this is the miner's fault like any other hostile file
                return RunScore.minerFault("output needs more memory than the validator allows to read it",
                        executionTime);
            } catch (Throwable e) { // any other error reading miner output (StackOverflowError, ...) ends this run only
                return RunScore.minerFault("output cannot be read: " + e, executionTime);
            }
        }
        double perfFeatures = performance(miner.featuresSeconds(), baseline.featuresSeconds(),
                miner.featuresTimedOut(), baseline.featuresTimedOut());
        double perfPatterns = performance(miner.patternsSeconds(), baseline.patternsSeconds(),
                miner.patternsTimedOut(), baseline.patternsTimedOut());
        double performance = 0.5 * perfFeatures + 0.5 * perfPatterns;
        double accuracy = outcome.averagePrecision();
        ScoringProperties.RunWeights w = props.run();
        double finalScore = gate.correct()
                ? w.accuracy() * accuracy + w.correctness() * 1.0 + w.performance() * performance
                + w.novelty() * outcome.novelty()
                : 0.0;
        PatternCounts counts = new PatternCounts(outcome.reported(), outcome.valid(), outcome.invalidByReason(),
                outcome.instancesCounted(), outcome.instancesFound(), outcome.novelPatterns());
        return new RunScore(gate.correct(), accuracy, outcome.recall(), outcome.precision(), outcome.novelty(),
                outcome.recallByType(), performance, perfFeatures, perfPatterns, executionTime, finalScore, counts, false, gate.error());
    }

    /** The gate's result, or its failure rethrown as it was thrown. */
    private static FeatureGate.Result join(FutureTask<FeatureGate.Result> task) throws Throwable {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking features", e);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /**
     * perf = r / (1 + r), r = baseline / miner (scoring.md §4); 0 when the miner's phase timed out,
     * parity (0.5) when either time is not known.
     */
    public static double performance(Double minerSeconds, Double baselineSeconds, boolean minerTimedOut,
                                     boolean baselineTimedOut) {
        if (minerTimedOut) {
            return 0.0;
        }
        if (minerSeconds == null || baselineSeconds == null || baselineTimedOut
                || minerSeconds.isNaN() || baselineSeconds.isNaN()) {
            return 0.5;
        }
        if (minerSeconds <= 0) {
            return baselineSeconds <= 0 ? 0.5 : 1.0;
        }
        double r = Math.max(0, baselineSeconds) / minerSeconds;
        return r / (1 + r);
    }
}
