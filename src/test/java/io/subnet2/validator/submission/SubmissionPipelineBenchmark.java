package io.subnet2.validator.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;

import io.subnet2.validator.sandbox.DockerClients;

/**
 * Time to fetch + check + build a small legitimate analyzer repository over loopback HTTP, cold
 * (content never built before, so the COPY layer is new) and warm (same commit again). Not a
 * surefire test; run it as documented in docs/submission.md.
 */
public final class SubmissionPipelineBenchmark {

    private SubmissionPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path temp = Files.createTempDirectory("submission-bench");
        UUID tournament = UUID.randomUUID();
        try (DockerClient docker = DockerClients.fromEnvironment(); GitHttpTestServer server = new GitHttpTestServer(temp)) {
            SubmissionPipeline pipeline = new SubmissionPipeline(
                    SubmissionProperties.withLoopbackHosts(List.of(server.hostPort())), temp.resolve("repos"), docker);
            try {
                for (int i = 0; i < rounds; i++) {
                    String name = "bench/analyzer" + i + ".git";
                    String sha;
                    try (TestRepo repo = TestRepo.create(server.repositories(), name)) {
                        sha = repo.file("Dockerfile", SubmissionPipelineBuildTest.DOCKERFILE)
                                .file("analyzer.py", SubmissionPipelineBuildTest.analyzer(UUID.randomUUID().toString()))
                                .file("features.py", SubmissionPipelineBuildTest.FEATURES).commit("bench");
                    }
                    SubmissionRequest request = new SubmissionRequest(UUID.randomUUID(), tournament, "bench", 900 + i,
                            server.url(name), sha);
                    report("cold", pipeline.process(request));
                    report("warm", pipeline.process(request));
                }
            } finally {
                for (Image image : docker.listImagesCmd()
                        .withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT, tournament.toString())).exec()) {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(temp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String kind, SubmissionOutcome outcome) {
        SubmissionOutcome.Timings t = outcome.timings();
        System.out.printf("%s %s: fetch %d ms, check %d ms, build %d ms, total %d ms%n", kind, outcome.status().dbValue(),
                t.fetch().toMillis(), t.check().toMillis(), t.build().toMillis(), t.total().toMillis());
    }
}
