package io.subnet2.validator.sandbox;

import java.util.List;

/**
 * Outcome of one container run.
 *
 * @param runId           the run id of the spec
 * @param phase           the phase that ran
 * @param status          completed, failed or timeout
 * @param reason          null when completed
 * @param detail          human-readable explanation of the reason (null when completed)
 * @param exitCode        the container's exit code (137 when killed by the watchdog)
 * @param oomKilled       Docker's State.OOMKilled
 * @param wallSeconds     start to exit, measured by the validator outside the container
 * @param logExcerpt      stdout+stderr, at most {@link SandboxLimits#logMaxBytes()} (head and tail)
 * @param logBytesTotal   bytes the container wrote to stdout+stderr (as received)
 * @param logBytesDropped bytes left out of the excerpt
 * @param outputFiles     regular files of the output directory (empty when the output was rejected)
 */
public record SandboxResult(
        String runId,
        Phase phase,
        RunStatus status,
        FailureReason reason,
        String detail,
        Integer exitCode,
        boolean oomKilled,
        double wallSeconds,
        String logExcerpt,
        long logBytesTotal,
        long logBytesDropped,
        List<OutputFile> outputFiles) {

    public SandboxResult {
        outputFiles = outputFiles == null ? List.of() : List.copyOf(outputFiles);
    }

    /** A regular file left in the output directory. */
    public record OutputFile(String name, long sizeBytes) {
    }

    public boolean completed() {
        return status == RunStatus.COMPLETED;
    }
}
