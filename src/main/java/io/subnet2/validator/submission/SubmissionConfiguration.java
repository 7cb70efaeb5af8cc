package io.subnet2.validator.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.subnet2.validator.PathsProperties;
import io.subnet2.validator.sandbox.DockerClients;
import io.subnet2.validator.sandbox.SandboxProperties;

/**
 * The pipeline bean: working copies under {@code {work-dir}/repos}, the sandbox's Docker engine, and the
 * {@link ExecutionSlots} ({@code validator.sandbox.max-parallel} permits) that builds share with runs.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    @Bean
    ExecutionSlots executionSlots(SandboxProperties sandbox) {
        return new ExecutionSlots(sandbox.maxParallel());
    }

    @Bean
    SubmissionPipeline submissionPipeline(SubmissionProperties properties, PathsProperties paths,
            SandboxProperties sandbox, ExecutionSlots slots) {
        return new SubmissionPipeline(properties, paths.workDir().resolve("repos"),
                DockerClients.create(sandbox.dockerHost()), slots);
    }
}
