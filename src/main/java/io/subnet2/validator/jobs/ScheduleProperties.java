package io.subnet2.validator.jobs;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Quartz cron strings of the three tournament jobs (spec/lifecycle.md); seconds field first. */
@Validated
@ConfigurationProperties(prefix = "validator.schedule")
public record ScheduleProperties(String epochStart, String evaluation, String epochEnd) {

    public ScheduleProperties {
        epochStart = valid("epoch-start", epochStart == null ? "0 0 0 * * ?" : epochStart);
        evaluation = valid("evaluation", evaluation == null ? "0 0 */4 * * ?" : evaluation);
        epochEnd = valid("epoch-end", epochEnd == null ? "0 0 23 * * ?" : epochEnd);
    }

    private static String valid(String name, String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("validator.schedule." + name + " is not a Quartz cron expression: " + cron);
        }
        return cron;
    }
}
