package io.subnet2.validator.jobs.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.subnet2.validator.jobs.TournamentJobs;

/** Quartz entry point of the evaluation cron job; one fire at a time across the cluster. */
@DisallowConcurrentExecution
class EvaluationJob implements Job {

    private final TournamentJobs jobs;

    EvaluationJob(TournamentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.evaluation();
    }
}
