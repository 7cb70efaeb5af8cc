package io.subnet2.validator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;

/** Shared fixtures of the sandbox tests: small limits, world-readable input dirs, test images. */
final class SandboxTestSupport {

    static final long MIB = 1024L * 1024;

    private SandboxTestSupport() {
    }

    /** Small limits so attacks end in seconds: 5 s, 256 MiB, 128 pids, 4 MiB / 64 files of output, 2 MiB files. */
    static SandboxLimits smallLimits() {
        return new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 256 * MIB, 1.0, null, 128,
                4 * MIB, 64, 16 * 1024, 64 * MIB, 2 * MIB, 256);
    }

    /** The engine runtime of the sandbox tests: {@code -Dsubnet2.sandbox.runtime=runsc} runs them under gVisor. */
    static final String RUNTIME = System.getProperty("subnet2.sandbox.runtime", "runc");

    static SandboxProperties properties() {
        return SandboxProperties.defaults().withRuntime(RUNTIME);
    }

    /** A fresh run id with a recognisable prefix. */
    static String runId(String what) {
        return "test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An input dir (mode 0755, files 0644) holding the given text files. */
    static Path inputDir(Path parent, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("input"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** A run of {@code sh -c script} in {@code image}. */
    static RunSpec shell(String image, Path work, String name, String script) throws IOException {
        Path input = Files.isDirectory(work.resolve("input")) ? work.resolve("input")
                : inputDir(work, Map.of("hello.txt", "hello sandbox\n"));
        return new RunSpec(runId(name), image, Phase.FEATURES, Map.of(), input, null,
                work.resolve("output-" + name), smallLimits(), List.of("sh", "-c", script));
    }

    /** Builds {@code tag} from a context directory with docker-java (no CLI); labelled for clean-up. */
    static void buildImage(DockerClient docker, Path context, String tag) {
        String id = docker.buildImageCmd(context.toFile())
                .withTags(java.util.Set.of(tag))
                .withLabels(Map.of("subnet2.test", "sandbox"))
                .withPull(false)
                .withNoCache(true)
                .withRemove(true)
                .withForcerm(true)
                .exec(new BuildImageResultCallback())
                .awaitImageId(5, TimeUnit.MINUTES);
        assertThat(id).isNotBlank();
    }

    static void removeImage(DockerClient docker, String tag) {
        try {
            docker.removeImageCmd(tag).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Compiles a C file statically with gcc (the host's compiler; not git or docker). */
    static Path compileStatic(Path source, Path binary) throws IOException, InterruptedException {
        Process gcc = new ProcessBuilder("gcc", "-static", "-O1", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as("gcc output: %s", log).isZero();
        return binary;
    }

    static String read(File file) throws IOException {
        return Files.readString(file.toPath());
    }
}
