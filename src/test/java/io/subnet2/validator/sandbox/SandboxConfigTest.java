package io.subnet2.validator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Defaults of analyzer-contract.md "Limits" and validation of run specs (no Docker needed). */
class SandboxConfigTest {

    @Test
    void defaultsMatchTheContract() {
        SandboxProperties properties = SandboxProperties.defaults();
        SandboxLimits limits = properties.limits();

        assertThat(properties.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(properties.maxParallel()).isEqualTo(2);
        assertThat(limits.timeout(Phase.FEATURES)).isEqualTo(Duration.ofSeconds(300));
        assertThat(limits.timeout(Phase.PATTERNS)).isEqualTo(Duration.ofSeconds(600));
        assertThat(limits.memoryBytes()).isEqualTo(8L << 30);
        assertThat(limits.cpus()).isEqualTo(2.0);
        assertThat(limits.pidsLimit()).isEqualTo(256);
        assertThat(limits.outputMaxBytes()).isEqualTo(2L << 30);
        assertThat(limits.outputMaxFiles()).isEqualTo(64);
        assertThat(limits.logMaxBytes()).isEqualTo(256 * 1024);
        assertThat(limits.tmpSizeBytes()).isEqualTo(1L << 30);
        assertThat(limits.fsizeBytes()).isEqualTo(2L << 30);
        assertThat(limits.nofile()).isEqualTo(1024);
        assertThat(limits).isEqualTo(SandboxLimits.defaults());
    }

    @Test
    void limitsRefuseNonsense() {
        SandboxLimits d = SandboxLimits.defaults();
        assertThatThrownBy(() -> d.withMemoryBytes(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxLimits(d.featuresTimeout(), d.patternsTimeout(), d.memoryBytes(), 2, "0;rm",
                1, 1, 1, 2, 1, 1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SandboxLimits(d.featuresTimeout(), d.patternsTimeout(), d.memoryBytes(), 2, " ", 1, 1, 1, 2, 1,
                1, 16).cpusetCpus()).isNull();
    }

    @Test
    void runSpecsRefuseHostileValues() {
        Path in = Path.of("/tmp/in");
        Path out = Path.of("/tmp/out");
        SandboxLimits limits = SandboxLimits.defaults();
        assertThatThrownBy(() -> RunSpec.of("../x", "img", Phase.FEATURES, Map.of(), in, null, out, limits))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSpec.of("r1", "--privileged", Phase.FEATURES, Map.of(), in, null, out, limits))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSpec.of("r1", "img", Phase.FEATURES, Map.of("A=B", "c"), in, null, out, limits))
                .isInstanceOf(IllegalArgumentException.class);
        RunSpec spec = RunSpec.of("r1", "img", Phase.PATTERNS, null, Path.of("/tmp/a/../in"), null, out, limits);
        assertThat(spec.inputDir()).isEqualTo(in);
        assertThat(spec.command()).isNull();
        assertThat(spec.withCommand(List.of("true")).command()).containsExactly("true");
    }

    @Test
    void pathMappingTranslatesOnlyPathsUnderTheWorkDir() {
        SandboxProperties.PathMapping mapping =
                new SandboxProperties.PathMapping(Path.of("/work"), Path.of("/srv/validator/work"));
        assertThat(mapping.toHost(Path.of("/work/runs/1/output"))).isEqualTo(Path.of("/srv/validator/work/runs/1/output"));
        assertThatThrownBy(() -> mapping.toHost(Path.of("/work/../etc"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phaseParsing() {
        assertThat(Phase.parse("Features")).isEqualTo(Phase.FEATURES);
        assertThat(Phase.PATTERNS.envValue()).isEqualTo("patterns");
        assertThatThrownBy(() -> Phase.parse("both")).isInstanceOf(IllegalArgumentException.class);
    }
}
