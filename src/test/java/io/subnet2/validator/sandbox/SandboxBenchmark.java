package io.subnet2.validator.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;

/**
 * Per-phase overhead of the sandbox (create + attach + start + wait + inspect + output check + remove) for a
 * container running {@code true}, against {@code docker run --rm} of the same image with the same options.
 * Only this benchmark invokes the docker CLI: the CLI is what it measures against.
 *
 * <p>Run (docs/sandbox.md): {@code ./mvnw -q -B -o test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * io.subnet2.validator.sandbox.SandboxBenchmark 20}
 */
public final class SandboxBenchmark {

    private static final String IMAGE = "subnet2-base/debian:bookworm";

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path work = Files.createTempDirectory("sandbox-bench");
        Path input = SandboxTestSupport.inputDir(work, Map.of("hello.txt", "x"));
        Path seccomp = Path.of("seccomp.json").toAbsolutePath();
        SandboxLimits limits = SandboxLimits.defaults();
        try (DockerClient docker = DockerClients.fromEnvironment();
                SandboxRunner runner = new SandboxRunner(docker, SandboxProperties.defaults().withSeccompProfile(seccomp))) {
            List<Double> api = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            for (int i = -3; i < iterations; i++) { // 3 warm-up rounds, then alternate to share any drift
                Path apiOut = work.resolve("api-" + (i + 3));
                long t0 = System.nanoTime();
                SandboxResult result = runner.run(new RunSpec("bench-api-" + (i + 3), IMAGE, Phase.FEATURES, Map.of(),
                        input, null, apiOut, limits, List.of("true")));
                long t1 = System.nanoTime();
                if (!result.completed()) {
                    throw new IllegalStateException("sandbox run failed: " + result);
                }
                Path cliOut = Files.createDirectories(work.resolve("cli-" + (i + 3)));
                cliOut.toFile().setWritable(true, false);
                long t2 = System.nanoTime();
                dockerRun(seccomp, input, cliOut, limits);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    api.add((t1 - t0) / 1e6);
                    cli.add((t3 - t2) / 1e6);
                }
            }
            double apiMedian = median(api);
            double cliMedian = median(cli);
            System.out.printf("iterations: %d (after 3 warm-up rounds)%n", iterations);
            System.out.printf("SandboxRunner.run     median %.1f ms  (min %.1f, max %.1f)%n", apiMedian,
                    Collections.min(api), Collections.max(api));
            System.out.printf("docker run --rm (CLI) median %.1f ms  (min %.1f, max %.1f)%n", cliMedian,
                    Collections.min(cli), Collections.max(cli));
            System.out.printf("ratio runner/CLI: %.2fx (target <= 1.2x)%n", apiMedian / cliMedian);
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code docker run --rm} with the options of ContainerFactory (the CLI reads the seccomp file itself). */
    private static void dockerRun(Path seccomp, Path input, Path output, SandboxLimits limits)
            throws IOException, InterruptedException {
        List<String> command = List.of("docker", "run", "--rm",
                "--network", "none", "--read-only", "--cap-drop", "ALL",
                "--security-opt", "no-new-privileges", "--security-opt", "seccomp=" + seccomp,
                "--ipc", "private", "--pids-limit", String.valueOf(limits.pidsLimit()),
                "--memory", String.valueOf(limits.memoryBytes()), "--memory-swap", String.valueOf(limits.memoryBytes()),
                "--cpus", String.valueOf(limits.cpus()), "--user", "65534:65534",
                "--ulimit", "nofile=" + limits.nofile() + ":" + limits.nofile(),
                "--ulimit", "fsize=" + limits.fsizeBytes() + ":" + limits.fsizeBytes(),
                "--tmpfs", "/tmp:rw,nosuid,nodev,size=" + limits.tmpSizeBytes(),
                "--mount", "type=bind,src=" + input + ",dst=/data/input,readonly",
                "--mount", "type=bind,src=" + output + ",dst=/data/output",
                "--log-driver", "none", "--hostname", "analyzer",
                "--label", "subnet2.managed=true", "--label", "subnet2.run-id=bench-cli",
                "-e", "ANALYZER_PHASE=features", IMAGE, "true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("docker run failed: " + log);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
