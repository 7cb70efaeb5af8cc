package io.subnet2.validator.sandbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a run did not complete; the code is the limit named in the run's error. */
public enum FailureReason {
    /** Killed on the phase's time limit. */
    TIMEOUT,
    /** Killed by the kernel's OOM killer inside the container's memory limit. */
    MEMORY_LIMIT,
    /** The output directory passed its byte or file-count limit. */
    OUTPUT_LIMIT,
    /** The output directory held something other than regular files (symlink, hard link, folder, ...). */
    OUTPUT_INVALID,
    /** A process was killed by SIGXFSZ: it wrote past the per-file size limit (exit code 153). */
    FILE_SIZE_LIMIT,
    /** The image's entrypoint/command could not be started (missing executable, no command, ...). */
    START_FAILED,
    /** The container exited with a non-zero code. */
    NONZERO_EXIT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
