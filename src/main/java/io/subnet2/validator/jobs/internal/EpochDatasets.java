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

    EpochDatasets(DatasetStore store) {
        this.store = store;
    }

    DatasetLayout ensure(Tournament tournament, RunKey key) {
        return store.ensure(tournament.getId(), key.epochNumber(), key.network(), key.testDate());
    }
}
