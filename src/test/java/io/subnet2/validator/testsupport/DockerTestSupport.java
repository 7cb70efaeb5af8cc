package io.subnet2.validator.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;

import io.subnet2.validator.sandbox.DockerClients;

/**
 * Docker engine access for tests. Tests that need Docker fail (never skip) when no engine answers:
 * `.ci/run` starts one, and a developer machine needs one too.
 */
public final class DockerTestSupport {

    public static final String DEBIAN_BASE = "subnet2-base/debian:bookworm";
    public static final String JRE_BASE = "subnet2-base/jre:17";
    public static final String PYTHON_BASE = "subnet2-base/python:3";

    private DockerTestSupport() {
    }

    /** A client to the local engine after a successful ping; fails the test otherwise. */
    public static DockerClient requireDocker() {
        DockerClient client = DockerClients.fromEnvironment();
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            fail("Docker engine not reachable (" + e.getMessage() + "); start dockerd (see .ci/run)");
        }
        return client;
    }

    /** Fails the test when a base image of scripts/build-base-images.sh is missing. */
    public static void requireImage(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
            fail("base image " + image + " missing; run scripts/build-base-images.sh");
        }
    }
}
