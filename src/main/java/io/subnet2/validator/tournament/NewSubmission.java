package io.subnet2.validator.tournament;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A miner's answer: who it is and which code it submits. Only the shape is checked here; the URL and
 * commit policy (allowed hosts, no credentials, ...) belongs to the submission module.
 */
public record NewSubmission(String hotkey, int uid, String repositoryUrl, String commitHash, boolean baseline) {

    /** The baseline is no miner: it has no uid on the subnet and never gets weight. */
    public static final int BASELINE_UID = -1;
    public static final String BASELINE_HOTKEY = "baseline";

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    public NewSubmission {
        if (hotkey == null || hotkey.isBlank() || hotkey.length() > 100) {
            throw new IllegalArgumentException("hotkey must be 1..100 characters");
        }
        if (!baseline && BASELINE_HOTKEY.equals(hotkey)) {
            throw new IllegalArgumentException("hotkey '" + BASELINE_HOTKEY + "' is reserved for the baseline");
        }
        if (uid < 0 && !(baseline && uid == BASELINE_UID)) {
            throw new IllegalArgumentException("uid must be >= 0");
        }
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        if (repositoryUrl.isBlank() || repositoryUrl.length() > 500) {
            throw new IllegalArgumentException("repository URL must be 1..500 characters");
        }
        if (commitHash == null || !SHA.matcher(commitHash).matches()) {
            throw new IllegalArgumentException("commit must be a full 40-hex lower-case SHA");
        }
    }
}
