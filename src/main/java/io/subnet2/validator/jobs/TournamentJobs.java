package io.subnet2.validator.jobs;

import org.springframework.stereotype.Service;

import io.subnet2.validator.jobs.internal.JobSteps;

/**
 * The three tournament jobs, callable directly (admin "fire now") as well as from their Quartz cron
 * triggers. Each is idempotent and safe to run again at any time, on any instance.
 */
@Service
public class TournamentJobs {

    private final JobSteps steps;

    TournamentJobs(JobSteps steps) {
        this.steps = steps;
    }

    /** Opens/closes registration, collects answers, creates the epoch's runs and datasets. */
    public void epochStart() {
        steps.epochStart();
    }

    /** Schedules one Quartz job per pending submission and per pending run. */
    public void evaluation() {
        steps.evaluation();
    }

    /** Recomputes results, publishes weights, completes ended tournaments. */
    public void epochEnd() {
        steps.epochEnd();
    }
}
