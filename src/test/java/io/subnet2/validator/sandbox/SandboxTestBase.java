package io.subnet2.validator.sandbox;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.testsupport.DockerTestSupport;

/** A runner with the test limits on the real engine (which must be there), and a fresh work folder per test. */
abstract class SandboxTestBase {

    static DockerClient docker;
    static SandboxRunner runner;

    @TempDir
    Path work;

    @BeforeAll
    static void startRunner() {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.DEBIAN_BASE);
        runner = new SandboxRunner(docker, SandboxTestSupport.properties());
    }

    @AfterAll
    static void stopRunner() throws Exception {
        runner.close();
        docker.close();
    }
}
