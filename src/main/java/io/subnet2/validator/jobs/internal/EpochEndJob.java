package io.subnet2.validator.jobs.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.subnet2.validator.jobs.TournamentJobs;

/** Quartz entry point of the epoch-end cron job; one fire at a time across the cluster. */
@DisallowConcurrentExecution
class EpochEndJob implements Job {

    private final TournamentJobs jobs;

    EpochEndJob(TournamentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.epochEnd();
    }
}
