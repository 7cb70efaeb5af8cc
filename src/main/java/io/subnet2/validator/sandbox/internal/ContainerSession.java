package io.subnet2.validator.sandbox.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitResponse;

import io.subnet2.validator.sandbox.FailureReason;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.RunStatus;
import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.SandboxResult;

/**
 * One created container from start to classified result: attaches the log, starts, watches time and
 * output, inspects the exit, checks the output directory. The caller removes the container.
 */
public final class ContainerSession {

    /** 128 + SIGXFSZ: a process wrote past RLIMIT_FSIZE. */
    static final int EXIT_SIGXFSZ = 153;
    /** Less free space than one page: the writer hit the cap. */
    private static final long PAGE = 4096;
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DockerClient docker;
    private final String containerId;
    private final RunSpec spec;
    private final SandboxLimits limits;
    private final long pollMillis;
    private final OutputVolume output;

    private FailureReason killReason;
    private String killDetail;
    private long killedAt;

    public ContainerSession(DockerClient docker, String containerId, RunSpec spec, java.time.Duration pollInterval,
            OutputVolume output) {
        this.docker = docker;
        this.output = output;
        this.containerId = containerId;
        this.spec = spec;
        this.limits = spec.limits();
        this.pollMillis = Math.max(10, pollInterval.toMillis());
    }

    public SandboxResult execute() {
        LogCollector logs = new LogCollector(limits.logMaxBytes());
        try (logs) {
            docker.attachContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).withLogs(false).exec(logs);
            if (!logs.awaitStarted(30, TimeUnit.SECONDS)) {
                throw new SandboxException("attaching to container " + containerId + " timed out");
            }
            long start = System.nanoTime();
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (BadRequestException e) { // the engine's answer when the image's executable cannot run
                Long code = state().getExitCodeLong();
                return startFailed(spec, e.getMessage(), code == null ? null : code.intValue(),
                        (System.nanoTime() - start) / 1e9);
            }
            Exit exit = watch(start);
            logs.awaitCompletion(5, TimeUnit.SECONDS); // the attach stream ends shortly after the exit
            boolean oom = oomKilled();
            return classify(exit, oom, logs.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(FailureReason.TIMEOUT, "interrupted");
            throw new SandboxException("sandbox run " + spec.runId() + " interrupted", e);
        } catch (IOException e) {
            throw new SandboxException("log stream of " + containerId + ": " + e.getMessage(), e);
        } catch (SandboxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SandboxException("sandbox run " + spec.runId() + " failed: " + e.getMessage(), e);
        }
    }

    private record Exit(int code, long nanos) {
    }

    /**
     * Waits for the exit; meanwhile kills on the time limit. The output needs no polling: its
     * filesystem is capped by the kernel (see {@link OutputVolume}).
     */
    private Exit watch(long start) throws InterruptedException {
        long deadline = start + limits.timeout(spec.phase()).toNanos();
        ExitWait wait = new ExitWait();
        docker.waitContainerCmd(containerId).exec(wait);
        while (true) {
            long now = System.nanoTime();
            long slice = killReason == null ? Math.min(pollMillis, Math.max(1, (deadline - now) / 1_000_000)) : pollMillis;
            if (wait.awaitCompletion(slice, TimeUnit.MILLISECONDS)) {
                if (wait.code != null) {
                    return new Exit(wait.code, wait.endNanos - start);
                }
                InspectContainerResponse.ContainerState state = state();
                if (!Boolean.TRUE.equals(state.getRunning())) { // the wait stream broke after the exit
                    return new Exit(state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue(),
                            System.nanoTime() - start);
                }
                wait = new ExitWait(); // the wait stream broke (e.g. HTTP timeout): wait again
                docker.waitContainerCmd(containerId).exec(wait);
                continue;
            }
            now = System.nanoTime();
            if (killReason != null) {
                if (now - killedAt > STOP_GRACE_NANOS) {
                    throw new SandboxException("container " + containerId + " did not stop after SIGKILL");
                }
            } else if (now >= deadline) {
                kill(FailureReason.TIMEOUT, "killed after the " + limits.timeout(spec.phase()).toSeconds()
                        + " s time limit of the " + spec.phase().envValue() + " phase");
            }
        }
    }

    private void kill(FailureReason reason, String detail) {
        killReason = reason;
        killDetail = detail;
        killedAt = System.nanoTime();
        try {
            docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
        } catch (NotFoundException | ConflictException e) {
            // already exited
        }
    }

    private InspectContainerResponse.ContainerState state() {
        return docker.inspectContainerCmd(containerId).exec().getState();
    }

    private boolean oomKilled() {
        return Boolean.TRUE.equals(state().getOOMKilled());
    }

    private SandboxResult classify(Exit exit, boolean oom, BoundedLog log) {
        OutputVolume.Usage usage = this.output.usage();
        OutputScan output = this.output.copyOut(spec.outputDir(), limits.outputMaxFiles(), limits.outputMaxBytes());
        FailureReason reason;
        String detail;
        if (usage.full(PAGE)) {
            // allocated space counts (fallocate, holes), not only apparent sizes
            reason = FailureReason.OUTPUT_LIMIT;
            detail = usage.freeBytes() >= PAGE ? "output has more than " + limits.outputMaxFiles() + " entries"
                    : "output filesystem full: " + usage.usedBytes() + " of " + usage.totalBytes()
                    + " bytes allocated (limit " + limits.outputMaxBytes() + ")";
        } else if (killReason != null) {
            reason = killReason;
            detail = killDetail;
        } else if (exit.code != 0 && oom) {
            reason = FailureReason.MEMORY_LIMIT;
            detail = "OOM-killed at the " + limits.memoryBytes() + " bytes memory limit";
        } else if (output.overLimit()) {
            reason = FailureReason.OUTPUT_LIMIT;
            detail = output.limitDetail(limits.outputMaxFiles(), limits.outputMaxBytes());
        } else if (output.problem() != null) {
            reason = FailureReason.OUTPUT_INVALID;
            detail = "output may hold only regular files: " + output.problem();
        } else if (exit.code == EXIT_SIGXFSZ || exit.code != 0 && reachedFileSizeLimit(output)) {
            // a PID 1 ignores SIGXFSZ and gets EFBIG instead: a file at the limit tells the same story
            reason = FailureReason.FILE_SIZE_LIMIT;
            detail = "a file reached the " + limits.fsizeBytes() + " bytes file size limit (exit code " + exit.code + ")";
        } else if (exit.code != 0) {
            reason = FailureReason.NONZERO_EXIT;
            detail = "exit code " + exit.code + (exit.code > 128 ? " (signal " + (exit.code - 128) + ")" : "");
        } else {
            reason = null;
            detail = null;
        }
        List<SandboxResult.OutputFile> files = output.files();
        if (reason == FailureReason.OUTPUT_LIMIT || reason == FailureReason.OUTPUT_INVALID) {
            OutputDirs.purgeContents(spec.outputDir()); // hostile content: never leave it on the host
            files = List.of();
        }
        RunStatus status = reason == null ? RunStatus.COMPLETED
                : reason == FailureReason.TIMEOUT ? RunStatus.TIMEOUT : RunStatus.FAILED;
        return new SandboxResult(spec.runId(), spec.phase(), status, reason, detail, exit.code, oom,
                exit.nanos / 1e9, log.excerpt(), log.totalBytes(), log.droppedBytes(), files);
    }

    /** The result of a run whose image could not be started. */
    public static SandboxResult startFailed(RunSpec spec, String message, Integer exitCode, double wallSeconds) {
        String detail = "the image could not start: " + String.valueOf(message);
        detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        return new SandboxResult(spec.runId(), spec.phase(), RunStatus.FAILED, FailureReason.START_FAILED, detail,
                exitCode, false, wallSeconds, "", 0, 0, List.of());
    }

    private boolean reachedFileSizeLimit(OutputScan output) {
        return output.files().stream().anyMatch(f -> f.sizeBytes() >= limits.fsizeBytes());
    }

    /** Records the exit code and the moment it arrived. */
    private static final class ExitWait extends ResultCallback.Adapter<WaitResponse> {
        private volatile Integer code;
        private volatile long endNanos;

        @Override
        public void onNext(WaitResponse response) {
            endNanos = System.nanoTime();
            code = response.getStatusCode();
        }

        @Override
        public boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
            try {
                return super.awaitCompletion(timeout, unit);
            } catch (RuntimeException e) {
                return true; // stream error: the caller inspects the container
            }
        }
    }
}
