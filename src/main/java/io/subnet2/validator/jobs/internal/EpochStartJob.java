package io.subnet2.validator.jobs.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.subnet2.validator.jobs.TournamentJobs;

/** Quartz entry point of the epoch-start cron job; one fire at a time across the cluster. */
@DisallowConcurrentExecution
class EpochStartJob implements Job {

    private final TournamentJobs jobs;

    EpochStartJob(TournamentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.epochStart();
    }
}
