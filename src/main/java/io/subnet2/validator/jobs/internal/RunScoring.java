package io.subnet2.validator.jobs.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a run's outputs against its dataset. Indexing a dataset costs far more than scoring one run
 * against it, and every run of an epoch and network scores against the same dataset, so the index
 * is stored in the dataset folder when first built (read back after a restart or an eviction) and
 * the indexed datasets of the last {@value #CACHED} (dataset, scoring constants) pairs are kept in
 * memory: one per test network of a tournament.
 */
@Component
class RunScoring {

    private static final int CACHED = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Key(Path dataset, ScoringProperties properties) {
    }

    private final TournamentSettings settings;
    /** validator.scoring.duration: loading the dataset's index (when not cached) and scoring one run. */
    private final Timer scoringTime;
    private final Map<Key, ScoringDataset> cache = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ScoringDataset> eldest) {
            return size() > CACHED;
        }
    };

    RunScoring(TournamentSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.scoringTime = Timer.builder("validator.scoring.duration").description("scoring one run")
                .publishPercentileHistogram().register(meters);
    }

    RunOutcome score(Tournament tournament, DatasetLayout data, Path output, PhaseTimes times, PhaseTimes baseline,
            String logExcerpt) {
        RunScore score = scoringTime.record(
                () -> RunScorer.score(dataset(data, settings.scoring(tournament)), output, times, baseline));
        boolean minerFault = score.minerFault();
        return new RunOutcome(minerFault ? RunStatus.FAILED : RunStatus.COMPLETED,
                minerFault ? FailureKind.MINER : null, 0, times.featuresSeconds(), times.patternsSeconds(),
                score.dataCorrect(), score.patternAccuracy(), score.recall(), score.precision(),
                JSON.writeValueAsString(score.recallByType()), score.novelty(), score.performance(),
                score.finalScore(), score.counts().patternsReported(), score.counts().patternsValid(),
                score.counts().instancesCounted(), score.counts().instancesFound(), logExcerpt, score.error());
    }

    private synchronized ScoringDataset dataset(DatasetLayout data, ScoringProperties properties) {
        return cache.computeIfAbsent(new Key(data.root(), properties),
                key -> ScoringDataset.loadStored(data, properties));
    }
}
