package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * Resource attacks in RUN steps on the real engine: a fork bomb, a 50 GB {@code dd}, many files below
 * the file size limit, {@code fallocate -n} (blocks the engine's size report never sees). Each is
 * stopped with a named reason; afterwards no step container or image of the build is left, the
 * engine's free disk is back and a legitimate build still works. Builds wait for an execution slot.
 */
class BuildLimitsTest {

    static final String DEBIAN = DockerTestSupport.DEBIAN_BASE;
    static final long MIB = 1024 * 1024;

    @TempDir
    static Path temp;
    static GitHttpTestServer git;
    static DockerClient docker;
    static SubmissionProperties base;
    static Path engineRoot;
    static final UUID TOURNAMENT = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DEBIAN);
        git = new GitHttpTestServer(temp);
        engineRoot = Path.of(docker.infoCmd().exec().getDockerRootDir());
        base = SubmissionProperties.withLoopbackHosts(List.of(git.hostPort())).toBuilder()
                .buildMemoryBytes(DataSize.ofMegabytes(256)) // a fork bomb stays near 2,300 processes even unwatched
                .buildLimits(new BuildLimits(0.5, null, 200, DataSize.ofMegabytes(64), DataSize.ofMegabytes(256),
                        DataSize.ofMegabytes(512), Duration.ofMillis(100)))
                .build();
    }

    @AfterEach
    void noStepContainerOrImageIsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Container> steps;
        do {
            steps = docker.listContainersCmd().withShowAll(true).exec().stream()
                    .filter(c -> c.getCommand() != null && c.getCommand().contains("subnet2-attack")).toList();
            if (!steps.isEmpty()) {
                Thread.sleep(250);
            }
        } while (!steps.isEmpty() && System.nanoTime() < deadline);
        assertThat(steps).as("build step containers left").isEmpty();
        List<Image> images = docker.listImagesCmd()
                .withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT, TOURNAMENT.toString())).exec();
        for (Image image : images) {
            docker.removeImageCmd(image.getId()).withForce(true).exec();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            docker.close();
        }
        if (git != null) {
            git.close();
        }
    }

    static SubmissionOutcome submit(SubmissionPipeline pipeline, String name, String run) throws IOException {
        String sha;
        try (TestRepo repo = TestRepo.create(git.repositories(), "limits/" + name + ".git")) {
            // the comment marks the step's command line so the test can find left-over containers
            sha = repo.file("Dockerfile", "FROM " + DEBIAN + "\nRUN " + run + " # subnet2-attack\nUSER 65534\n")
                    .commit(name);
        }
        return pipeline.process(new SubmissionRequest(UUID.randomUUID(), TOURNAMENT, 4, "5Limits", 51,
                git.url("limits/" + name + ".git"), sha));
    }

    static SubmissionPipeline pipeline(SubmissionProperties properties) {
        return new SubmissionPipeline(properties, temp.resolve("repos"), docker);
    }

    static long freeDisk() throws IOException {
        return Files.getFileStore(engineRoot).getUsableSpace();
    }

    static void assertStopped(SubmissionOutcome outcome, String reason) {
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.FAILED);
        assertThat(outcome.validationError()).startsWith(reason);
        assertThat(outcome.dockerImageTag()).isNull();
    }

    static void assertStillBuilds(SubmissionPipeline pipeline) throws IOException {
        SubmissionOutcome ok = submit(pipeline, "after-" + UUID.randomUUID(), "echo fine");
        assertThat(ok.status()).as(ok.validationError()).isEqualTo(Status.VALIDATED);
    }

    @Test
    void cpuQuotaAndUlimitsReachTheBuildSteps() throws IOException {
        SubmissionOutcome outcome = submit(pipeline(base), "knobs", "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us"
                + " /sys/fs/cgroup/cpu/cpu.cfs_period_us && echo nproc=$(ulimit -p) fsize=$(ulimit -f)"
                + " nofile=$(ulimit -n) core=$(ulimit -c)");
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        // dash reports fsize in 512-byte blocks: 64 MiB = 131072
        assertThat(outcome.buildLog()).contains("50000\n100000\n").contains("nproc=200 fsize=131072 nofile=1024 core=0");
    }

    @Test
    void forkBombIsStoppedAtThePidsLimit() throws IOException {
        SubmissionPipeline pipeline = pipeline(base);
        SubmissionOutcome outcome = submit(pipeline, "forkbomb", "b(){ b|b& }; b; sleep 120");
        System.out.println("fork bomb: " + outcome.validationError().lines().findFirst().orElse(""));
        assertStopped(outcome, "[build.pids-limit] a build step started more processes than the build limit: ");
        assertStillBuilds(pipeline);
    }

    /** Runs the attack step and checks that the engine's free disk is back afterwards (printed as a figure). */
    static SubmissionOutcome attackDisk(SubmissionProperties properties, String name, String run) throws IOException {
        long before = freeDisk();
        SubmissionOutcome outcome = submit(pipeline(properties), name, run);
        long after = freeDisk();
        System.out.printf("%s: %s; engine disk free before %d MiB, after %d MiB%n", name,
                outcome.validationError().lines().findFirst().orElse(""), before / MIB, after / MIB);
        assertThat(after).as("engine disk given back").isGreaterThan(before - 512 * MIB);
        return outcome;
    }

    @Test
    void fiftyGigabyteDdIsStoppedByTheFileSizeLimit() throws IOException {
        assertStopped(attackDisk(base, "dd50g", "dd if=/dev/zero of=/big bs=1M count=51200"),
                "[build.file-size] a build step wrote a file larger than the build file size limit: ");
    }

    @Test
    void manySmallFilesAreStoppedByTheDiskLimit() throws IOException {
        assertStopped(attackDisk(base, "manyfiles",
                "i=0; while dd if=/dev/zero of=/f$i bs=1M count=32 2>/dev/null; do i=$((i+1)); done; sleep 120"),
                "[build.disk-limit] a build step wrote more than the build disk limit: ");
    }

    @Test
    void fallocateKeepSizeIsStoppedByTheEngineDiskFloor() throws IOException {
        SubmissionProperties floor = base.toBuilder().buildLimits(new BuildLimits(0.5, null, 200,
                DataSize.ofMegabytes(64), DataSize.ofMegabytes(256), DataSize.ofBytes(freeDisk() - 1024 * MIB),
                Duration.ofMillis(100))).build();
        SubmissionOutcome outcome = attackDisk(floor, "fallocate", "touch /hole && fallocate -n -l 3G /hole && sleep 120");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.retryable()).as("a low engine disk is retried, not charged at once").isTrue();
        assertThat(outcome.validationError()).startsWith("[build.engine-disk-low] the engine's disk ran low during the build");
    }

    @Test
    void aBuildWaitsForAnExecutionSlotSharedWithRuns() throws Exception {
        ExecutionSlots slots = new ExecutionSlots(1);
        SubmissionPipeline pipeline = new SubmissionPipeline(base, temp.resolve("repos"), docker, slots);
        CompletableFuture<SubmissionOutcome> outcome;
        try (ExecutionSlots.Permit run = slots.acquire()) {
            outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return submit(pipeline, "waits", "echo built-after-the-run");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!slots.hasQueuedThreads() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(slots.hasQueuedThreads()).as("the build waits for the slot the run holds").isTrue();
            assertThat(outcome).isNotDone();
        }
        SubmissionOutcome built = outcome.get(120, TimeUnit.SECONDS);
        assertThat(built.status()).as(built.validationError()).isEqualTo(Status.VALIDATED);
        assertThat(built.buildLog()).contains("built-after-the-run");
        assertThat(slots.available()).isEqualTo(1);
    }
}
