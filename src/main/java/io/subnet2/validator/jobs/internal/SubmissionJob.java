package io.subnet2.validator.jobs.internal;

import java.util.UUID;


import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.PersistJobDataAfterExecution;

/** Quartz job validating one submission; recovered on another instance if this one dies. */
@PersistJobDataAfterExecution
@DisallowConcurrentExecution
class SubmissionJob implements Job {

    static final String ATTEMPT = "attempt";

    private final SubmissionValidation validation;
    private final ItemJobs items;

    SubmissionJob(SubmissionValidation validation, ItemJobs items) {
        this.validation = validation;
        this.items = items;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getJobDetail().getJobDataMap();
        int attempt = data.containsKey(ATTEMPT) ? data.getInt(ATTEMPT) + 1 : 1;
        data.put(ATTEMPT, attempt);
        UUID id = UUID.fromString(data.getString(ItemJobs.ID));
        items.complete(context, () -> validation.validate(id, attempt));
    }
}
