package io.subnet2.validator.jobs.internal;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.scoring.RunScore;
import io.subnet2.validator.scoring.RunScorer;
import io.subnet2.validator.scoring.ScoringDataset;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.tournament.FailureKind;
import io.subnet2.validator.tournament.RunOutcome;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Tournament;

/**
 * Scores a run's outputs against its dataset. The indexed dataset of the latest epoch is kept, since
 * every run of an epoch and network scores against the same one.
 */
@Component
class RunScoring {

    private final TournamentSettings settings;
    private Path cachedPath;
    private ScoringProperties cachedProperties;
    private ScoringDataset cached;

    RunScoring(TournamentSettings settings) {
        this.settings = settings;
    }

    RunOutcome score(Tournament tournament, DatasetLayout data, Path output, PhaseTimes times, PhaseTimes baseline,
            String logExcerpt) {
        RunScore score = RunScorer.score(dataset(data, settings.scoring(tournament)), output, times, baseline);
        boolean minerFault = score.minerFault();
        return new RunOutcome(minerFault ? RunStatus.FAILED : RunStatus.COMPLETED,
                minerFault ? FailureKind.MINER : null, 0, times.featuresSeconds(), times.patternsSeconds(),
                score.dataCorrect(), score.recall(), score.precision(), score.novelty(), score.performance(),
                score.finalScore(), score.counts().patternsReported(), score.counts().patternsValid(),
                score.counts().instancesCounted(), score.counts().instancesFound(), logExcerpt, score.error());
    }

    private synchronized ScoringDataset dataset(DatasetLayout data, ScoringProperties properties) {
        if (cached == null || !data.root().equals(cachedPath) || !properties.equals(cachedProperties)) {
            cached = null;
            cached = ScoringDataset.load(data.input(), data.groundTruth(), properties);
            cachedPath = data.root();
            cachedProperties = properties;
        }
        return cached;
    }
}
