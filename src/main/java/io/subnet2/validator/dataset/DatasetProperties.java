package io.subnet2.validator.dataset;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code validator.dataset.*} (docs/dataset.md).
 *
 * @param transfers    transfers per generated dataset
 * @param windowDays   days of transfers per dataset, ending with the test date
 * @param secret       the dataset secret ({@link DatasetSecrets}); unset (the default) means the one
 *                     stored in the database, created at first start
 * @param root         folder holding {@code {tournament}/{epoch}/{network}/{date}/} datasets
 * @param snapshotsDir optional folder {@code {data}} with {@code synthetics/snapshots/{network}/{date}/{window}/}
 *                     datasets used instead of generating when one exists for the run's network and date
 */
@ConfigurationProperties(prefix = "validator.dataset")
@Validated
public record DatasetProperties(@Min(GenerationRequest.MIN_TRANSFERS) @Max(GenerationRequest.MAX_TRANSFERS) Long transfers,
                                @Min(1) @Max(GenerationRequest.MAX_WINDOW_DAYS) Integer windowDays,
                                @Size(min = DatasetSecret.MIN_LENGTH) String secret,
                                Path root,
                                Path snapshotsDir) {

    public static final long DEFAULT_TRANSFERS = 100_000;

    public DatasetProperties {
        transfers = transfers == null ? DEFAULT_TRANSFERS : transfers;
        windowDays = windowDays == null ? GenerationRequest.DEFAULT_WINDOW_DAYS : windowDays;
    }

    /** A copy storing datasets under {@code newRoot}. */
    public DatasetProperties withRoot(Path newRoot) {
        return new DatasetProperties(transfers, windowDays, secret, newRoot, snapshotsDir);
    }

    public static DatasetProperties defaults() {
        return new DatasetProperties(null, null, null, null, null);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "DatasetProperties[transfers=" + transfers + ", windowDays=" + windowDays + ", secret="
                + (secret == null ? "unset" : "<redacted>") + ", root=" + root + ", snapshotsDir=" + snapshotsDir + "]";
    }
}
