package io.subnet2.validator.jobs.internal;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weights job of bittensor mode: every {@code validator.chain.weights.poll-interval} it lets the publisher
 * confirm and reveal, and publishes the latest results when the publisher wants them (once per tempo), so
 * weights are set every tempo and not only at the epoch-end cron.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "validator.chain", name = "mode", havingValue = "bittensor")
class WeightsJobConfiguration {

    @Bean
    JobDetail weightsJob() {
        return JobBuilder.newJob(WeightsJob.class).withIdentity("weights", CronJobsConfiguration.GROUP).storeDurably()
                .build();
    }

    @Bean
    SimpleTrigger weightsTrigger(JobDetail weightsJob,
            @Value("${validator.chain.weights.poll-interval:60s}") Duration interval) {
        return TriggerBuilder.newTrigger().forJob(weightsJob).withIdentity("weights", CronJobsConfiguration.GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
