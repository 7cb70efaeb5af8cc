package io.subnet2.validator.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.subnet2.validator.jobs.EvaluationProperties;

/**
 * Per-item Quartz jobs: one durable, recoverable job per pending submission ({@link SubmissionJob})
 * and per pending run ({@link RunJob}). Quartz's clustered store hands each to exactly one instance
 * and re-runs the jobs of an instance that died ({@code requestRecovery}).
 */
@Component
class ItemJobs {

    static final String GROUP = "items";
    static final String ID = "id";

    private static final Logger log = LoggerFactory.getLogger(ItemJobs.class);

    private final Scheduler scheduler;
    private final TransactionTemplate transaction;
    private final Duration retryDelay;

    ItemJobs(Scheduler scheduler, PlatformTransactionManager transactions, EvaluationProperties evaluation) {
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
        this.retryDelay = evaluation.retryDelay();
    }

    /** A Quartz store operation. */
    private interface StoreCall<T> {
        T run() throws SchedulerException;
    }

    /** A {@link SchedulerException} carried out of a transaction (which it rolled back). */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SchedulerException cause) {
            super(cause);
        }

        @Override
        public synchronized SchedulerException getCause() {
            return (SchedulerException) super.getCause();
        }
    }

    /**
     * Runs Quartz store operations in one Spring transaction. The clustered store (JobStoreCMT) holds
     * its TRIGGER_ACCESS row lock to the end of the caller's transaction; outside one the lock ends
     * with its statement, and two validators scheduling and firing one job at the same moment could
     * each miss the other's execution and run the job twice at once.
     */
    private <T> T inTransaction(StoreCall<T> call) {
        return transaction.execute(status -> {
            try {
                return call.run();
            } catch (SchedulerException e) {
                throw new StoreFailure(e);
            }
        });
    }

    static JobKey submissionKey(UUID submissionId) {
        return JobKey.jobKey("submission-" + submissionId, GROUP);
    }

    static JobKey runKey(UUID runId) {
        return JobKey.jobKey("run-" + runId, GROUP);
    }

    boolean exists(JobKey key) {
        try {
            return inTransaction(() -> scheduler.checkExists(key));
        } catch (StoreFailure e) {
            throw new IllegalStateException("Quartz store unavailable", e.getCause());
        }
    }

    /** Schedules the submission's validation now unless a job for it exists. */
    void scheduleSubmission(UUID submissionId) {
        schedule(SubmissionJob.class, submissionKey(submissionId), submissionId, Instant.now());
    }

    /** Schedules the run now unless a job for it exists. */
    void scheduleRun(UUID runId) {
        schedule(RunJob.class, runKey(runId), runId, Instant.now());
    }

    /** Fires an existing item job again at {@code at} (retry after a platform fault, or a wait). */
    void fireAgain(JobKey key, Instant at) {
        try {
            inTransaction(() -> scheduler.scheduleJob(trigger(key, at)));
        } catch (StoreFailure e) {
            throw new IllegalStateException("cannot reschedule " + key, e.getCause());
        }
    }

    /**
     * Runs an item job's work: fires the job again when the work asks for it (or threw: the database or
     * the engine may be down), deletes the job when its item reached a final state.
     */
    void complete(JobExecutionContext context, Supplier<Optional<Instant>> work) {
        JobKey key = context.getJobDetail().getKey();
        Optional<Instant> again;
        try {
            again = work.get();
        } catch (RuntimeException e) {
            log.error("{} failed, trying again in {}", key, retryDelay, e);
            again = Optional.of(Instant.now().plus(retryDelay));
        }
        again.ifPresentOrElse(at -> fireAgain(key, at), () -> done(key));
    }

    /** Called by an item job when its item reached a final state. */
    void done(JobKey key) {
        try {
            inTransaction(() -> scheduler.deleteJob(key));
        } catch (StoreFailure e) {
            throw new IllegalStateException("cannot delete " + key, e.getCause());
        }
    }

    private void schedule(Class<? extends Job> type, JobKey key, UUID id, Instant at) {
        JobDetail detail = JobBuilder.newJob(type).withIdentity(key).usingJobData(ID, id.toString())
                .storeDurably().requestRecovery().build();
        try {
            inTransaction(() -> {
                if (!scheduler.checkExists(key)) {
                    scheduler.scheduleJob(detail, Set.of(trigger(key, at)), false);
                } else if (scheduler.getTriggersOfJob(key).isEmpty()) {
                    // left without a trigger (its last execution threw): fire it again
                    scheduler.scheduleJob(trigger(key, at));
                }
                return null;
            });
        } catch (StoreFailure e) {
            // ObjectAlreadyExistsException, or the store's duplicate key: another instance scheduled it first
            if (!(e.getCause() instanceof ObjectAlreadyExistsException) && !exists(key)) {
                throw new IllegalStateException("cannot schedule " + key, e.getCause());
            }
        }
    }

    private static Trigger trigger(JobKey key, Instant at) {
        return TriggerBuilder.newTrigger().forJob(key).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }
}
