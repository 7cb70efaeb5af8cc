package io.subnet2.validator.jobs.internal;

import org.springframework.stereotype.Component;

/** Bridges the public {@link io.subnet2.validator.jobs.TournamentJobs} to the module's internals. */
@Component
public class JobSteps {

    private final EpochStart epochStart;
    private final Evaluation evaluation;
    private final EpochEnd epochEnd;

    JobSteps(EpochStart epochStart, Evaluation evaluation, EpochEnd epochEnd) {
        this.epochStart = epochStart;
        this.evaluation = evaluation;
        this.epochEnd = epochEnd;
    }

    public void epochStart() {
        epochStart.run();
    }

    public void evaluation() {
        evaluation.run();
    }

    public void epochEnd() {
        epochEnd.run();
    }
}
