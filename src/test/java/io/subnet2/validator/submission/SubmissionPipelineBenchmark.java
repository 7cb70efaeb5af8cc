package io.subnet2.validator.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /** {@code [rounds]} for the build timing, or {@code cap MIB} to fetch a MIB-sized repository against the default cap. */
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("cap")) {
            byteCap(Integer.parseInt(args[1]));
            return;
        }
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
                    SubmissionRequest request = new SubmissionRequest(UUID.randomUUID(), tournament, 0, "bench", 900 + i,
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

    /** A repository of {@code mebibytes} of incompressible blobs fetched with the default 100 MiB cap. */
    private static void byteCap(int mebibytes) throws Exception {
        Path temp = Files.createTempDirectory("submission-cap");
        try (DockerClient docker = DockerClients.fromEnvironment(); GitHttpTestServer server = new GitHttpTestServer(temp)) {
            Random random = new Random(7);
            String sha;
            try (TestRepo repo = TestRepo.create(server.repositories(), "miner/big.git")) {
                repo.file("Dockerfile", "FROM python\nUSER 1000\n");
                for (int i = 0; i < mebibytes / 4; i++) {
                    byte[] blob = new byte[4 << 20];
                    random.nextBytes(blob);
                    repo.file("data/" + i + ".bin", blob);
                }
                sha = repo.commit("big");
            }
            SubmissionPipeline pipeline = new SubmissionPipeline(
                    SubmissionProperties.withLoopbackHosts(List.of(server.hostPort())), temp.resolve("repos"), docker);
            server.resetBytesServed();
            long start = System.nanoTime();
            SubmissionOutcome outcome = pipeline.process(new SubmissionRequest(UUID.randomUUID(), UUID.randomUUID(), 0,
                    "bench", 1, server.url("miner/big.git"), sha));
            System.out.printf("%d MiB repository: %s after %d ms, server sent %d bytes: %s%n", mebibytes,
                    outcome.status().dbValue(), (System.nanoTime() - start) / 1_000_000, server.bytesServed(),
                    outcome.validationError());
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
