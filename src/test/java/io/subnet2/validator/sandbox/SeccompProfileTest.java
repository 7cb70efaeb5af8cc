package io.subnet2.validator.sandbox;

import static io.subnet2.validator.sandbox.SandboxTestSupport.shell;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * The repository's seccomp.json, as loaded by the runner: forbidden calls fail with EPERM from inside a
 * container (a static C prober), setuid gains nothing, and a JVM, Python and the shell tools run normally.
 */
class SeccompProfileTest {

    static final String PROBER_IMAGE = "subnet2-test/sandbox-prober:" + UUID.randomUUID().toString().substring(0, 8);
    static final List<String> FORBIDDEN = List.of("ptrace", "process_vm_readv", "mount", "umount2", "pivot_root",
            "unshare", "setns", "bpf", "keyctl", "add_key", "request_key", "perf_event_open", "userfaultfd",
            "kexec_load", "init_module", "delete_module", "open_by_handle_at", "name_to_handle_at", "personality",
            "clone_newuser");

    static DockerClient docker;
    static SandboxRunner runner;

    @TempDir
    Path work;

    @BeforeAll
    static void setUp(@TempDir Path build) throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        // the runner loads the profile from the repository root, as production does through the jar copy
        runner = new SandboxRunner(docker, SandboxTestSupport.properties().withSeccompProfile(Path.of("seccomp.json")));
        Path source = copyResource("prober.c", build);
        SandboxTestSupport.compileStatic(source, build.resolve("prober"));
        Files.writeString(build.resolve("Dockerfile"), "FROM " + DockerTestSupport.DEBIAN_BASE + "\n"
                + "COPY prober /usr/local/bin/prober\n"
                + "COPY prober /usr/local/bin/prober-suid\n"
                + "RUN chmod 0755 /usr/local/bin/prober && chown 0:0 /usr/local/bin/prober-suid"
                + " && chmod 4755 /usr/local/bin/prober-suid\n");
        Files.delete(source);
        SandboxTestSupport.buildImage(docker, build, PROBER_IMAGE);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (docker != null) {
            SandboxTestSupport.removeImage(docker, PROBER_IMAGE);
            runner.close();
            docker.close();
        }
    }

    @Test
    void forbiddenSyscallsFailWithEperm() throws Exception {
        SandboxResult result = runner.run(shell(PROBER_IMAGE, work, "prober", "prober"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        Map<String, String> probes = parse(result.logExcerpt());
        for (String call : FORBIDDEN) {
            assertThat(probes).as(call).containsEntry(call, "EPERM");
        }
        // clone3 answers ENOSYS so glibc falls back to clone, whose namespace flags are filtered
        assertThat(probes).containsEntry("clone3", "ENOSYS");
        assertThat(probes).containsEntry("getpid", "OK").containsEntry("personality_query", "OK")
                .containsEntry("fork", "OK");
    }

    @Test
    void setuidBinaryAndSuGainNoPrivilege() throws Exception {
        SandboxResult result = runner.run(shell(PROBER_IMAGE, work, "setuid",
                "ls -l /usr/local/bin/prober-suid; prober-suid euid; su -c id root </dev/null; echo su=$?"));

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("-rwsr-xr-x 1 root root").containsPattern("euid=1[0-6][0-9]{4}\n")
                .contains("setuid0=EPERM").doesNotContain("uid=0(").doesNotContain("su=0");
    }

    @Test
    void jvmRunsNormally() throws Exception {
        DockerTestSupport.requireImage(docker, DockerTestSupport.JRE_BASE);
        Path input = SandboxTestSupport.inputDir(work, Map.of("hello.txt", "hello sandbox\n"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path source = copyResource("Hello.java", work);
        assertThat(javac.run(null, null, null, "--release", "17", "-d", input.toString(), source.toString())).isZero();
        Files.setPosixFilePermissions(input.resolve("Hello.class"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        RunSpec spec = shell(DockerTestSupport.JRE_BASE, work, "jvm", "java -Xmx64m -cp /data/input Hello");
        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("jvm ok");
        assertThat(Files.readString(spec.outputDir().resolve("features.parquet")))
                .isEqualTo("java 17 sum=" + java.util.stream.LongStream.range(0, 10_000_000).map(i -> i % 7).sum()
                        + " hello sandbox\n");
    }

    @Test
    void pythonRunsNormally() throws Exception {
        DockerTestSupport.requireImage(docker, DockerTestSupport.PYTHON_BASE);
        String program = String.join("\n",
                "import hashlib, os, subprocess, sys, threading",
                "data = open(os.environ['ANALYZER_INPUT_PATH'] + '/hello.txt', 'rb').read()",
                "out = []",
                "ts = [threading.Thread(target=lambda: out.append(hashlib.sha256(data).hexdigest())) for _ in range(4)]",
                "[t.start() for t in ts]; [t.join() for t in ts]",
                "child = subprocess.run(['uname', '-s'], capture_output=True, text=True).stdout.strip()",
                "open(os.environ['ANALYZER_OUTPUT_PATH'] + '/features.parquet', 'w').write(out[0] + ' ' + child)",
                "print('python ok', sys.version_info[0], len(set(out)))");
        RunSpec spec = shell(DockerTestSupport.PYTHON_BASE, work, "python", "")
                .withCommand(List.of("python3", "-c", program));

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("python ok 3 1");
        assertThat(Files.readString(spec.outputDir().resolve("features.parquet")))
                .isEqualTo(sha256("hello sandbox\n") + " Linux");
    }

    @Test
    void shellToolsRunNormally() throws Exception {
        String script = "set -e; cd /tmp; cp /data/input/hello.txt a; mv a b; mkdir d; ln -s b c; cat c | tr a-z A-Z > d/up;"
                + " find /data/input -type f | sort | xargs cat | sha256sum | cut -c1-16 > /data/output/sum.txt;"
                + " tar cf /tmp/x.tar d && tar tf /tmp/x.tar | wc -l; grep -c SANDBOX d/up; sed 's/HELLO/bye/' d/up;"
                + " date -u +%Y > /dev/null; ls /proc/self/fd | wc -l; sleep 0.1 & wait; echo tools ok";
        RunSpec spec = shell(DockerTestSupport.DEBIAN_BASE, work, "tools", script);

        SandboxResult result = runner.run(spec);

        assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.logExcerpt()).contains("bye SANDBOX").contains("tools ok");
        assertThat(Files.readString(spec.outputDir().resolve("sum.txt"))).isEqualTo(sha256("hello sandbox\n").substring(0, 16) + "\n");
    }

    private static Map<String, String> parse(String log) {
        Map<String, String> probes = new LinkedHashMap<>();
        for (String line : log.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                probes.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return probes;
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        try (InputStream in = SeccompProfileTest.class.getResourceAsStream(name)) {
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
