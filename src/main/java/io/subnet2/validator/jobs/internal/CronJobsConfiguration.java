package io.subnet2.validator.jobs.internal;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.jobs.ScheduleProperties;

/**
 * The three cron jobs of spec/lifecycle.md in Quartz's clustered JDBC store: a fire runs on exactly one
 * instance; a fire missed while every instance was down runs once at the next start.
 */
@Configuration(proxyBeanMethods = false)
class CronJobsConfiguration {

    static final String GROUP = "tournament";

    @Bean
    JobDetail epochStartJob() {
        return durable(EpochStartJob.class, "epoch-start");
    }

    @Bean
    JobDetail evaluationJob() {
        return durable(EvaluationJob.class, "evaluation");
    }

    @Bean
    JobDetail epochEndJob() {
        return durable(EpochEndJob.class, "epoch-end");
    }

    @Bean
    CronTrigger epochStartTrigger(JobDetail epochStartJob, ScheduleProperties schedule) {
        return cron(epochStartJob, schedule.epochStart());
    }

    @Bean
    CronTrigger evaluationTrigger(JobDetail evaluationJob, ScheduleProperties schedule) {
        return cron(evaluationJob, schedule.evaluation());
    }

    @Bean
    CronTrigger epochEndTrigger(JobDetail epochEndJob, ScheduleProperties schedule) {
        return cron(epochEndJob, schedule.epochEnd());
    }

    private static JobDetail durable(Class<? extends org.quartz.Job> type, String name) {
        return JobBuilder.newJob(type).withIdentity(name, GROUP).storeDurably().requestRecovery().build();
    }

    private static CronTrigger cron(JobDetail job, String expression) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
