package io.subnet2.validator.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ulimit;

import io.subnet2.validator.sandbox.ContainerReaper;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.testsupport.DockerTestSupport;

/** What the engine actually stored for a sandbox container: every option of spec/sandbox.md "Run". */
class ContainerFactoryTest {

    @TempDir
    Path work;

    @Test
    void createdContainerCarriesEveryHardeningOption() throws Exception {
        DockerClient docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        Path input = Files.createDirectories(work.resolve("input"));
        Path features = Files.createDirectories(work.resolve("features"));
        Path output = Files.createDirectories(work.resolve("output"));
        SandboxLimits limits = new SandboxLimits(Duration.ofSeconds(300), Duration.ofSeconds(600), 8L << 30, 2.0, "0-1",
                256, 2L << 30, 64, 256 * 1024, 1L << 30, 2L << 30, 1024);
        RunSpec spec = new RunSpec("factory-test-" + System.nanoTime(), DockerTestSupport.DEBIAN_BASE, Phase.PATTERNS,
                Map.of("ANALYZER_NETWORK", "bitcoin", "ANALYZER_PHASE", "spoofed"), input, features, output, limits,
                List.of("true"));
        String seccomp = SeccompProfiles.load(Path.of("seccomp.json"));
        Mount outputVolume = new Mount().withType(MountType.VOLUME).withSource("subnet2-factory-test-" + System.nanoTime())
                .withTarget("/data/output").withReadOnly(false);
        String id = new ContainerFactory(docker, seccomp, UnaryOperator.identity(), "runc")
                .create(spec, 123456, outputVolume);
        try {
            InspectContainerResponse container = docker.inspectContainerCmd(id).exec();
            HostConfig host = container.getHostConfig();

            assertThat(host.getNetworkMode()).isEqualTo("none");
            assertThat(host.getReadonlyRootfs()).isTrue();
            assertThat(host.getPrivileged()).isFalse();
            assertThat(Arrays.stream(host.getCapDrop()).map(Enum::name)).containsExactly("ALL");
            assertThat(host.getCapAdd()).isNullOrEmpty();
            assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges", "seccomp=" + seccomp);
            assertThat(host.getPidsLimit()).isEqualTo(256);
            assertThat(host.getMemory()).isEqualTo(8L << 30);
            assertThat(host.getMemorySwap()).isEqualTo(8L << 30);
            assertThat(host.getNanoCPUs()).isEqualTo(2_000_000_000L);
            assertThat(host.getCpusetCpus()).isEqualTo("0-1");
            assertThat(host.getUlimits()).extracting(Ulimit::getName, Ulimit::getSoftLong, Ulimit::getHardLong)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("nofile", 1024L, 1024L),
                            org.assertj.core.groups.Tuple.tuple("fsize", 2L << 30, 2L << 30),
                            org.assertj.core.groups.Tuple.tuple("core", 0L, 0L));
            assertThat(host.getRuntime()).isEqualTo("runc");
            assertThat(host.getTmpFs()).containsExactly(Map.entry("/tmp", "rw,nosuid,nodev,size=1073741824"));
            assertThat(host.getLogConfig().getType().getType()).isEqualTo("none");
            assertThat(host.getBinds()).isNullOrEmpty();
            assertThat(host.getMounts()).extracting(Mount::getSource, Mount::getTarget, m -> Boolean.TRUE.equals(m.getReadOnly()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(input.toString(), "/data/input", true),
                            org.assertj.core.groups.Tuple.tuple(features.toString(), "/data/features", true),
                            org.assertj.core.groups.Tuple.tuple(outputVolume.getSource(), "/data/output", false));
            assertThat(host.getMounts().get(2).getType()).isEqualTo(MountType.VOLUME);
            assertThat(host.getMounts()).noneMatch(m -> m.getSource().contains("docker.sock"));

            assertThat(container.getConfig().getUser()).isEqualTo("123456:123456");
            assertThat(container.getConfig().getNetworkDisabled()).isTrue();
            assertThat(container.getConfig().getLabels()).containsEntry(ContainerReaper.MANAGED_LABEL, "true")
                    .containsEntry(ContainerReaper.RUN_ID_LABEL, spec.runId())
                    .containsEntry(ContainerReaper.PHASE_LABEL, "patterns");
            assertThat(container.getConfig().getEnv()).contains("ANALYZER_PHASE=patterns", "ANALYZER_NETWORK=bitcoin",
                    "ANALYZER_INPUT_PATH=/data/input", "ANALYZER_OUTPUT_PATH=/data/output",
                    "ANALYZER_FEATURES_PATH=/data/features", "ANALYZER_INPUT_TYPE=parquet",
                    "ANALYZER_OUTPUT_TYPE=parquet", "TZ=UTC").doesNotContain("ANALYZER_PHASE=spoofed");
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
            docker.removeVolumeCmd(outputVolume.getSource()).exec(); // the engine created it at create
            docker.close();
        }
    }
}
