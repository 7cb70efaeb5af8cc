package io.subnet2.validator.jobs.internal;

import java.util.UUID;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz job executing one evaluation run; recovered on another instance if this one dies mid-run.
 * Never two executions of one run at once, cluster-wide: a run found {@code running} when the job
 * starts was interrupted, not taken by a sibling.
 */
@DisallowConcurrentExecution
class RunJob implements Job {

    private final RunExecution execution;
    private final ItemJobs items;

    RunJob(RunExecution execution, ItemJobs items) {
        this.execution = execution;
        this.items = items;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID id = UUID.fromString(context.getJobDetail().getJobDataMap().getString(ItemJobs.ID));
        items.complete(context, () -> execution.execute(id));
    }
}
