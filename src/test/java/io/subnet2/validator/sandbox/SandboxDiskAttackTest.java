package io.subnet2.validator.sandbox;

import static io.subnet2.validator.sandbox.SandboxTestSupport.MIB;
import static io.subnet2.validator.sandbox.SandboxTestSupport.shell;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.command.InspectVolumeResponse;

import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * Run-side attacks on the validator's disk and on shared identity (docs/sandbox.md "Run-side
 * attacks"): each is refused by the kernel inside the run's own capped filesystems, ends with a
 * named reason, leaves no container, volume or disk behind, and a well-behaved run beside it is untouched.
 */
class SandboxDiskAttackTest extends SandboxTestBase {

    static final String DEBIAN = DockerTestSupport.DEBIAN_BASE;
    static final String VOLUME_IMAGE = "subnet2-test/sandbox-volume:" + ProcessHandle.current().pid();

    /** Fills DIR with files just under the fsize limit until the filesystem refuses. */
    static final String FILL = "i=0; while head -c 2000000 /dev/zero > DIR/f$i; do i=$((i+1)); done; echo files=$i;";

    @BeforeAll
    static void buildVolumeImage(@org.junit.jupiter.api.io.TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DEBIAN + "\nVOLUME /scratch /var/cache/big\n");
        SandboxTestSupport.buildImage(docker, context, VOLUME_IMAGE);
    }

    @AfterAll
    static void removeVolumeImage() {
        SandboxTestSupport.removeImage(docker, VOLUME_IMAGE);
    }

    @AfterEach
    void nothingOfTheRunsIsLeft() {
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerReaper.MANAGED_LABEL, "true")).exec())
                .noneMatch(c -> c.getLabels().getOrDefault(ContainerReaper.RUN_ID_LABEL, "").startsWith("test-disk"));
        assertThat(volumes()).noneMatch(v -> v.startsWith("subnet2-out-test-disk"));
        docker.pingCmd().exec();
    }

    private static Set<String> volumes() {
        List<InspectVolumeResponse> all = docker.listVolumesCmd().exec().getVolumes();
        return all == null ? Set.of() : all.stream().map(InspectVolumeResponse::getName).collect(Collectors.toSet());
    }

    /** A well-behaved run started beside an attack: it must complete with its output. */
    private CompletableFuture<SandboxResult> honestNeighbour() throws Exception {
        Path dir = Files.createDirectories(work.resolve("neighbour"));
        RunSpec spec = shell(DEBIAN, dir, "disk-honest", "sleep 1; echo fine > /data/output/features.parquet");
        return CompletableFuture.supplyAsync(() -> runner.run(spec));
    }

    @Test
    void fallocateKeepSizeCannotAllocatePastTheOutputCap() throws Exception {
        long freeBefore = Files.getFileStore(work).getUsableSpace();
        CompletableFuture<SandboxResult> neighbour = honestNeighbour();
        // preallocated blocks (KEEP_SIZE) leave every apparent size at 0: only the filesystem sees them
        RunSpec spec = shell(DEBIAN, work, "disk-falloc", ": > /data/output/big; fallocate -n -l 1G /data/output/big;"
                + " echo one=$?; i=0; while : > /data/output/f$i && fallocate -n -l 1M /data/output/f$i; do"
                + " i=$((i+1)); done; echo pieces=$i; ls -s /data/output | head -3; exit 0");

        SandboxResult result = runner.run(spec);

        if (SandboxTestSupport.RUNTIME.equals("runsc")) {
            // gVisor refuses KEEP_SIZE outright: the attack cannot even start
            assertThat(result.logExcerpt()).as(result.toString()).contains("keep size mode is unsupported");
        } else {
            assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.FAILED);
            assertThat(result.reason()).isEqualTo(FailureReason.OUTPUT_LIMIT);
            assertThat(result.detail()).contains("output filesystem full").contains("limit " + 4 * MIB);
            assertThat(result.logExcerpt()).contains("one=1").contains("No space left on device")
                    .containsPattern("pieces=[0-4]\\b");
            assertThat(result.outputFiles()).isEmpty();
            try (var entries = Files.list(spec.outputDir())) {
                assertThat(entries).isEmpty();
            }
        }
        assertThat(Files.getFileStore(work).getUsableSpace()).isGreaterThan(freeBefore - 64 * MIB);
        SandboxResult honest = neighbour.get();
        assertThat(honest.status()).as(honest.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(honest.outputFiles()).containsExactly(new SandboxResult.OutputFile("features.parquet", 5));
    }

    @Test
    void tmpIsCappedToo() throws Exception {
        SandboxResult result = runner.run(shell(DEBIAN, work, "disk-tmp",
                FILL.replace("DIR", "/tmp") + " : > /tmp/x; fallocate -n -l 1M /tmp/x; echo falloc=$?;"
                        + " echo ok > /data/output/features.parquet"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        // 64 MiB of tmpfs hold 33 files of 2,000,000 bytes (each under the 2 MiB fsize limit)
        assertThat(result.logExcerpt()).contains("No space left on device").contains("files=33").contains("falloc=1");
    }

    @Test
    void imageVolumesGetABoundedTmpfsAndNoAnonymousVolume() throws Exception {
        Set<String> before = volumes();
        RunSpec spec = shell(VOLUME_IMAGE, work, "disk-volume",
                "grep -E ' /(scratch|var/cache/big) ' /proc/self/mounts; " + FILL.replace("DIR", "/scratch")
                        + " echo ok > /data/output/features.parquet");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).containsPattern("(tmpfs|none) /scratch tmpfs")
                .containsPattern("(tmpfs|none) /var/cache/big tmpfs")
                .contains("No space left on device").contains("files=33");
        Set<String> created = new HashSet<>(volumes());
        created.removeAll(before);
        // an anonymous volume is named by 64 hex digits; other sessions' named volumes may come and go
        assertThat(created).noneMatch(name -> name.matches("[0-9a-f]{64}"));
    }

    @Test
    void concurrentRunsHaveTheirOwnUidsAndNoCoreDumps() throws Exception {
        Path a = Files.createDirectories(work.resolve("a"));
        Path b = Files.createDirectories(work.resolve("b"));
        String script = "id -u; ulimit -c; sleep 2; echo x > /data/output/features.parquet; id -u > /data/output/uid";
        RunSpec first = shell(DEBIAN, a, "disk-uid-a", script);
        RunSpec second = shell(DEBIAN, b, "disk-uid-b", script);

        CompletableFuture<SandboxResult> one = CompletableFuture.supplyAsync(() -> runner.run(first));
        CompletableFuture<SandboxResult> two = CompletableFuture.supplyAsync(() -> runner.run(second));

        String uidOne = Files.readString(one.get().completed() ? first.outputDir().resolve("uid") : Path.of("/nonexistent"));
        String uidTwo = Files.readString(two.get().completed() ? second.outputDir().resolve("uid") : Path.of("/nonexistent"));
        assertThat(Integer.parseInt(uidOne.strip())).isBetween(100_000, 165_535);
        assertThat(Integer.parseInt(uidTwo.strip())).isBetween(100_000, 165_535);
        assertThat(uidOne).isNotEqualTo(uidTwo);
        assertThat(one.get().logExcerpt()).isEqualTo(uidOne + "0\n");
        assertThat(two.get().logExcerpt()).isEqualTo(uidTwo + "0\n");
    }
}
