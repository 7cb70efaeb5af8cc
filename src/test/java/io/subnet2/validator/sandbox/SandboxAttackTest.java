package io.subnet2.validator.sandbox;

import static io.subnet2.validator.sandbox.SandboxTestSupport.MIB;
import static io.subnet2.validator.sandbox.SandboxTestSupport.shell;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.subnet2.validator.testsupport.DockerTestSupport;

/** Hostile containers: each attack ends with the right status and reason, and the host is unaffected. */
class SandboxAttackTest extends SandboxTestBase {

    static final String DEBIAN = DockerTestSupport.DEBIAN_BASE;

    @AfterEach
    void validatorStillWorks() throws Exception {
        // the validator's own process can still fork and the engine still answers
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        docker.pingCmd().exec();
    }

    @Test
    void networkEgressIsImpossible() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "net",
                "echo interfaces: $(ls /sys/class/net); bash -c 'echo GET > /dev/tcp/1.1.1.1/80' && echo CONNECTED"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.NONZERO_EXIT);
        assertThat(result.logExcerpt()).contains("interfaces: lo\n").contains("unreachable").doesNotContain("CONNECTED");
    }

    @Test
    void forkBombIsContainedByThePidsLimit() throws Exception {
        // the bomb runs in a subshell forked first (a shell whose own fork fails exits with 2); PID 1
        // then keeps running on builtins only, so the run must end by the watchdog's kill
        SandboxResult result = runner.run(shell(DEBIAN, work, "forkbomb",
                "(f(){ f | f & }; f); while :; do :; done"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.TIMEOUT);
        assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(result.wallSeconds()).isBetween(4.5, 15.0);
        assertThat(result.logExcerpt()).contains("Cannot fork"); // the pids limit, not the host, stopped it
    }

    @Test
    void memoryBombEndsAsMemoryLimit() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "membomb", "tail /dev/zero; exit $?"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.MEMORY_LIMIT);
        assertThat(result.oomKilled()).isTrue();
    }

    @Test
    void writingPastTheOutputCapIsStoppedByTheKernelAndCleanedUp() throws Exception {
        long freeBefore = Files.getFileStore(work).getUsableSpace();
        RunSpec spec = shell(DEBIAN, work, "outcap",
                "i=0; while true; do head -c 1048576 /dev/zero > /data/output/f$i; i=$((i+1)); done");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_LIMIT);
        assertThat(result.detail()).contains("output filesystem full");
        assertThat(result.logExcerpt()).contains("No space left on device");
        assertThat(result.outputFiles()).isEmpty();
        try (var entries = Files.list(spec.outputDir())) {
            assertThat(entries).isEmpty();
        }
        assertThat(Files.getFileStore(work).getUsableSpace()).isGreaterThan(freeBefore - 64 * MIB);
    }

    @Test
    void oneHugeFileStopsAtTheFileSizeLimit() throws Exception {
        RunSpec spec = shell(DEBIAN, work, "fsize", "head -c 10485760 /dev/zero > /data/output/big; exit $?");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.FILE_SIZE_LIMIT);
        assertThat(Files.size(spec.outputDir().resolve("big"))).isEqualTo(2 * MIB);
    }

    @Test
    void aPid1ThatIgnoresSigxfszStillEndsAsFileSizeLimit() throws Exception {
        DockerTestSupport.requireImage(docker, DockerTestSupport.PYTHON_BASE);
        RunSpec spec = shell(DockerTestSupport.PYTHON_BASE, work, "fsize-py", "")
                .withCommand(java.util.List.of("python3", "-c",
                        "open('/data/output/big', 'wb').write(b'x' * 10485760)"));

        SandboxResult result = runner.run(spec);

        assertThat(result.reason()).as(result.toString()).isEqualTo(FailureReason.FILE_SIZE_LIMIT);
        assertThat(result.logExcerpt()).contains("File too large");
        assertThat(Files.size(spec.outputDir().resolve("big"))).isEqualTo(2 * MIB);
    }

    @Test
    void hundredThousandSmallFilesAreStopped() throws Exception {
        RunSpec spec = shell(DEBIAN, work, "manyfiles",
                "i=0; while [ $i -lt 100000 ]; do : > /data/output/f$i; i=$((i+1)); done");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_LIMIT);
        assertThat(result.detail()).contains("64 entries");
        try (var entries = Files.list(spec.outputDir())) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void logFloodKeepsABoundedExcerpt() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "logflood",
                "echo FIRST-LINE; yes 'flood flood flood' | head -c 30000000; echo; echo LAST-LINE"));

        assertThat(result.status()).as(result.detail()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logBytesTotal()).isEqualTo(30_000_000L + "FIRST-LINE\n\nLAST-LINE\n".length());
        assertThat(result.logBytesDropped()).isEqualTo(result.logBytesTotal() - 16 * 1024);
        assertThat(result.logExcerpt().length()).isLessThan(16 * 1024 + 100);
        assertThat(result.logExcerpt()).startsWith("FIRST-LINE\n").endsWith("LAST-LINE\n").contains("bytes dropped");
    }

    @Test
    void sleepingPastTheTimeoutIsKilled() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "sleep", "echo started; sleep 600"));

        assertThat(result.status()).isEqualTo(RunStatus.TIMEOUT);
        assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.wallSeconds()).isBetween(5.0, 10.0);
        assertThat(result.logExcerpt()).contains("started");
    }

    @Test
    void dockerSocketIsAbsent() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "sock",
                "cat /var/run/docker.sock; cat /run/docker.sock; ls /var/run /run;"
                        + " if [ -e /var/run/docker.sock ] || [ -e /run/docker.sock ]; then exit 3; fi"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("No such file or directory").doesNotContain("docker.sock\n");
    }

    @Test
    void nothingOutsideOutputAndTmpIsWritable() throws Exception {
        Path features = Files.createDirectories(work.resolve("features"));
        Files.setPosixFilePermissions(features, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        String script = "n=0; for d in / /etc /usr/bin /var /root /home /data /data/input /data/features /dev; do"
                + " if touch $d/pwned 2>/dev/null; then echo WROTE $d; n=$((n+1)); fi; done;"
                + " echo x > /tmp/ok && echo x > /data/output/ok && echo outside=$n";
        RunSpec base = shell(DEBIAN, work, "readonly", script);
        RunSpec spec = new RunSpec(base.runId(), base.image(), Phase.PATTERNS, Map.of(), base.inputDir(), features,
                base.outputDir(), base.limits(), base.command());

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("outside=0").doesNotContain("WROTE");
        try (var entries = Files.list(features)) {
            assertThat(entries).isEmpty();
        }
        try (var entries = Files.list(spec.inputDir())) {
            assertThat(entries).extracting(p -> p.getFileName().toString()).containsExactly("hello.txt");
        }
    }

    @Test
    void symlinkInOutputIsRejected() throws Exception {
        RunSpec spec = shell(DEBIAN, work, "symlink", "ln -s /etc/passwd /data/output/features.parquet");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_INVALID);
        assertThat(result.detail()).contains("symbolic link features.parquet");
        assertThat(Files.exists(spec.outputDir().resolve("features.parquet"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.exists(Path.of("/etc/passwd"))).isTrue();
    }

    @Test
    void hardLinkInOutputIsRejected() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "hardlink",
                "echo data > /data/output/a.parquet && ln /data/output/a.parquet /data/output/b.parquet"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_INVALID);
        assertThat(result.detail()).contains("hard link");
        assertThat(result.outputFiles()).isEmpty();
    }

    @Test
    void subFolderInOutputIsRejected() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "subdir",
                "mkdir /data/output/sub && echo x > /data/output/sub/features.parquet"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_INVALID);
        assertThat(result.detail()).contains("sub-folder sub");
    }

    @Test
    void imagesThatCannotStartAreMinerFaults() throws Exception {
        SandboxResult missing = runner.run(shell(DEBIAN, work, "noexec", "").withCommand(java.util.List.of("/nonexistent")));
        SandboxResult noCommand = runner.run(shell(DEBIAN, work, "nocmd", "").withCommand(null));

        assertThat(missing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(missing.reason()).isEqualTo(FailureReason.START_FAILED);
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.detail()).contains("/nonexistent");
        assertThat(noCommand.reason()).isEqualTo(FailureReason.START_FAILED);
        assertThat(noCommand.detail()).contains("no entrypoint or command");
    }

    @Test
    void nonZeroExitIsAFailure() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "exit", "echo bye >&2; exit 7"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.NONZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.logExcerpt()).isEqualTo("bye\n");
    }
}
