package io.subnet2.validator.jobs.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.subnet2.validator.jobs.TournamentJobs;

/** Quartz entry point of the weights job (bittensor mode); one fire at a time across the cluster. */
@DisallowConcurrentExecution
class WeightsJob implements Job {

    private final TournamentJobs jobs;

    WeightsJob(TournamentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.weights();
    }
}
