package io.subnet2.validator.jobs.internal;

import org.springframework.stereotype.Component;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.DatasetStore;
import io.subnet2.validator.tournament.RunKey;
import io.subnet2.validator.tournament.Tournament;

/** The dataset of a tournament epoch and network: generated once, renamed into place, shared by all its runs. */
@Component
class EpochDatasets {

    private final DatasetStore store;
    private final RunScoring scoring;

    EpochDatasets(DatasetStore store, RunScoring scoring) {
        this.store = store;
        this.scoring = scoring;
    }

    DatasetLayout ensure(Tournament tournament, RunKey key) {
        return store.ensure(tournament.getId(), key.epochNumber(), key.network(), key.testDate());
    }

    /** Also indexes it for scoring (stored beside it), so no run waits for the index when it is scored. */
    DatasetLayout ensureIndexed(Tournament tournament, RunKey key) {
        DatasetLayout layout = ensure(tournament, key);
        scoring.prepare(tournament, layout);
        return layout;
    }
}
