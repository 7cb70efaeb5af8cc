package io.subnet2.validator.dataset;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the validator's dataset secret comes from (integrity.md "Dataset rules"): the configured
 * {@value #PROPERTY} when set, else the one stored in the database (created at first start). The
 * public development value is refused in chain mode and outside the {@code demo} profile. The
 * secret itself is never logged.
 */
public final class DatasetSecrets {

    public static final String PROPERTY = "validator.dataset.secret";
    public static final String CHAIN_MODE_PROPERTY = "validator.chain.mode";
    public static final String CHAIN_MODE = "bittensor";
    public static final String DEMO_PROFILE = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DatasetSecrets.class);

    private DatasetSecrets() {
    }

    /**
     * @param configured  {@value #PROPERTY}, or null
     * @param demoProfile whether the {@code demo} profile is active
     * @param chainMode   {@value #CHAIN_MODE_PROPERTY}
     * @param stored      reads (creating it first when absent) the secret stored in the database
     * @throws IllegalStateException when the secret is the public development value where it is not allowed
     */
    public static DatasetSecret resolve(String configured, boolean demoProfile, String chainMode,
                                        Supplier<DatasetSecret> stored) {
        DatasetSecret secret;
        if (configured != null) {
            secret = new DatasetSecret(configured);
            LOG.info("dataset secret: configured ({})", PROPERTY);
        } else {
            secret = stored.get();
        }
        if (secret.isDevelopment()) {
            if (CHAIN_MODE.equals(chainMode)) {
                throw new IllegalStateException(PROPERTY + " is the public development value, which chain mode ("
                        + CHAIN_MODE_PROPERTY + "=" + CHAIN_MODE + ") refuses: anyone could regenerate the datasets and"
                        + " their ground truth. Unset it (a random secret is then created in the database) or set your own.");
            }
            if (!demoProfile) {
                throw new IllegalStateException(PROPERTY + " is the public development value, allowed only in the '"
                        + DEMO_PROFILE + "' profile and in tests. Unset it (a random secret is then created in the"
                        + " database) or set your own.");
            }
            LOG.warn("dataset secret: the public development value ('{}' profile): anyone can regenerate these datasets",
                    DEMO_PROFILE);
        }
        return secret;
    }
}
