package io.subnet2.validator.sandbox;

import static io.subnet2.validator.sandbox.SandboxTestSupport.shell;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.testsupport.DockerTestSupport;

class SandboxRunnerTest extends SandboxTestBase {

    @Test
    void wellBehavedContainerReadsInputAndWritesOutput() throws Exception {
        RunSpec spec = shell(DockerTestSupport.DEBIAN_BASE, work, "ok",
                "cat /data/input/hello.txt > /data/output/features.parquet && echo phase=$ANALYZER_PHASE out=$ANALYZER_OUTPUT_PATH tz=$TZ && id -u");

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.reason()).isNull();
        assertThat(result.exitCode()).isZero();
        assertThat(result.outputFiles()).containsExactly(new SandboxResult.OutputFile("features.parquet", 14));
        assertThat(Files.readString(spec.outputDir().resolve("features.parquet"))).isEqualTo("hello sandbox\n");
        assertThat(result.logExcerpt()).contains("phase=features out=/data/output tz=UTC");
        int uid = Integer.parseInt(result.logExcerpt().strip().replaceAll("(?s).*\\n", ""));
        assertThat(uid).isBetween(100_000, 165_535); // validator.sandbox.uid-range, not the image's user
        assertThat(result.wallSeconds()).isPositive().isLessThan(5);
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(ContainerReaper.RUN_ID_LABEL, spec.runId())).exec()).isEmpty();
        assertThat(docker.listVolumesCmd().withFilter("label", java.util.List.of(ContainerReaper.RUN_ID_LABEL + "="
                + spec.runId())).exec().getVolumes()).isNullOrEmpty(); // the output filesystem is gone too
    }
}
