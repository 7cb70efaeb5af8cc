package io.subnet2.validator.jobs.internal;

import java.util.Properties;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.TriggerBuilder;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.jobs.ScheduleProperties;
import io.subnet2.validator.sandbox.SandboxProperties;

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

    /**
     * Quartz threads per instance: one per sandbox slot (validator.sandbox.max-parallel) for runs and
     * builds, plus two for the cron jobs and for item jobs that only reschedule themselves.
     */
    @Bean
    SchedulerFactoryBeanCustomizer threadPoolFromSandbox(SandboxProperties sandbox, QuartzProperties quartz) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(sandbox.maxParallel() + 2));
            factory.setQuartzProperties(properties);
        };
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
