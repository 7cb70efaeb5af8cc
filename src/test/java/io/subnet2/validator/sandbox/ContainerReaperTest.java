package io.subnet2.validator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.exception.NotFoundException;

import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * The reaper removes managed containers whose run is gone. The engine is shared, so every predicate here
 * treats runs outside this test's prefix as live: the test never touches containers it did not create.
 */
class ContainerReaperTest extends SandboxTestBase {

    @Test
    void removesLabelledContainerWhoseRunNoLongerExists() {
        String prefix = SandboxTestSupport.runId("reaper") + "-";
        String orphan = createManaged(prefix + "gone", true);
        String live = createManaged(prefix + "live", false);
        String unmanaged = createUnmanaged(prefix + "other");
        try {
            List<String> removed = new ContainerReaper(docker)
                    .reap(runId -> !runId.startsWith(prefix) || runId.equals(prefix + "live"));

            assertThat(removed).containsExactly(orphan);
            assertThat(exists(orphan)).isFalse();
            assertThat(exists(live)).isTrue();
            assertThat(exists(unmanaged)).isTrue();
        } finally {
            List.of(orphan, live, unmanaged).forEach(this::removeQuietly);
        }
    }

    @Test
    void neverReapsARunInFlight() throws Exception {
        RunSpec spec = SandboxTestSupport.shell(DockerTestSupport.DEBIAN_BASE, work, "inflight", "sleep 2; echo done");
        String prefix = spec.runId();
        CompletableFuture<SandboxResult> run = CompletableFuture.supplyAsync(() -> runner.run(spec));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (containersOf(prefix).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(containersOf(prefix)).hasSize(1);

        List<String> removed = runner.reapOrphans(runId -> !runId.startsWith(prefix)); // the caller forgot the run

        assertThat(removed).isEmpty();
        SandboxResult result = run.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).isEqualTo("done\n");
        assertThat(containersOf(prefix)).isEmpty();
    }

    private List<String> containersOf(String runId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerReaper.RUN_ID_LABEL, runId)).exec()
                .stream().map(c -> c.getId()).toList();
    }

    private String createManaged(String runId, boolean start) {
        String id = docker.createContainerCmd(DockerTestSupport.DEBIAN_BASE)
                .withCmd("sleep", "60")
                .withNetworkDisabled(true)
                .withLabels(Map.of(ContainerReaper.MANAGED_LABEL, "true", ContainerReaper.RUN_ID_LABEL, runId))
                .exec().getId();
        if (start) {
            docker.startContainerCmd(id).exec();
        }
        return id;
    }

    private String createUnmanaged(String name) {
        return docker.createContainerCmd(DockerTestSupport.DEBIAN_BASE).withCmd("true")
                .withLabels(Map.of(ContainerReaper.RUN_ID_LABEL, name, "subnet2.test", "sandbox")).exec().getId();
    }

    private boolean exists(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // reaped
        }
    }
}
