package io.subnet2.validator.jobs;

import org.springframework.stereotype.Service;

import io.subnet2.validator.chain.WeightPublisher;
import io.subnet2.validator.jobs.internal.AutoTournaments;
import io.subnet2.validator.jobs.internal.EpochEnd;
import io.subnet2.validator.jobs.internal.EpochStart;
import io.subnet2.validator.jobs.internal.Evaluation;

/**
 * The three tournament jobs, callable directly (admin "fire now") as well as from their Quartz cron
 * triggers. Each is idempotent and safe to run again at any time, on any instance.
 */
@Service
public class TournamentJobs {

    private final EpochStart epochStart;
    private final Evaluation evaluation;
    private final EpochEnd epochEnd;
    private final AutoTournaments autoTournaments;
    private final WeightPublisher publisher;

    TournamentJobs(EpochStart epochStart, Evaluation evaluation, EpochEnd epochEnd, AutoTournaments autoTournaments,
            WeightPublisher publisher) {
        this.autoTournaments = autoTournaments;
        this.publisher = publisher;
        this.epochStart = epochStart;
        this.evaluation = evaluation;
        this.epochEnd = epochEnd;
    }

    /**
     * Creates the next tournament when none is open (validator.tournaments), opens/closes registration,
     * collects answers, creates the epoch's runs and datasets.
     */
    public void epochStart() {
        autoTournaments.ensureOpen();
        epochStart.run();
    }

    /** Schedules one Quartz job per pending submission and per pending run. */
    public void evaluation() {
        evaluation.run();
    }

    /**
     * Bittensor mode's weights step: the publisher's periodic chain work, and the latest results published when
     * it wants a fresh vector.
     */
    public void weights() {
        if (publisher.poll()) {
            epochEnd.publishLatest();
        }
    }

    /** Recomputes results, publishes weights, completes ended tournaments. */
    public void epochEnd() {
        epochEnd.run();
    }
}
