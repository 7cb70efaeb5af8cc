package io.subnet2.validator.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.subnet2.validator.scoring.ScoringFixtures;
import io.subnet2.validator.submission.GitHttpTestServer;
import io.subnet2.validator.submission.TestRepo;
import io.subnet2.validator.testsupport.DockerTestSupport;

/** Miners' repositories for end-to-end tournaments, served by a loopback Git server. */
final class AnalyzerRepos {

    private AnalyzerRepos() {
    }

    /** A copy of examples/baseline-analyzer (Dockerfile defaulting to the local JRE base, and its jar). */
    static String honest(GitHttpTestServer git, String name) throws IOException {
        try (TestRepo repo = TestRepo.create(git.repositories(), name)) {
            return repo.file("Dockerfile", baselineDockerfile())
                    .file("target/baseline-analyzer.jar", Files.readAllBytes(BaselineAnalyzer.JAR))
                    .commit("baseline analyzer");
        }
    }

    /** Honest features (the baseline's), then patterns of addresses that do not exist. */
    static String cheater(GitHttpTestServer git, String name) throws IOException {
        Path junk = Files.createTempFile("junk", ".parquet");
        Files.delete(junk);
        List<ScoringFixtures.Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            patterns.add(new ScoringFixtures.Pattern("junk-" + i, "cycle",
                    List.of("0xjunk" + i, "0xjunk" + (i + 1), "0xjunk" + (i + 2))));
        }
        ScoringFixtures.writePatterns(junk, patterns);
        try (TestRepo repo = TestRepo.create(git.repositories(), name)) {
            return repo.file("Dockerfile", """
                            FROM %s
                            WORKDIR /app
                            COPY target/baseline-analyzer.jar /app/baseline-analyzer.jar
                            COPY junk.parquet /app/junk.parquet
                            COPY run.sh /app/run.sh
                            USER 65534:65534
                            ENTRYPOINT ["sh", "/app/run.sh"]
                            """.formatted(DockerTestSupport.JRE_BASE))
                    .file("run.sh", """
                            #!/bin/sh
                            if [ "$ANALYZER_PHASE" = "features" ]; then
                              java -XX:MaxRAMPercentage=50 -Djava.io.tmpdir=/tmp -jar /app/baseline-analyzer.jar
                            else
                              cp /app/junk.parquet /data/output/patterns.parquet
                            fi
                            """)
                    .file("junk.parquet", Files.readAllBytes(junk))
                    .file("target/baseline-analyzer.jar", Files.readAllBytes(BaselineAnalyzer.JAR))
                    .commit("cheater");
        } finally {
            Files.deleteIfExists(junk);
        }
    }

    /** The baseline analyzer, started only after {@code seconds} of sleep in each phase. */
    static String slow(GitHttpTestServer git, String name, int seconds) throws IOException {
        try (TestRepo repo = TestRepo.create(git.repositories(), name)) {
            return repo.file("Dockerfile", """
                            FROM %s
                            WORKDIR /app
                            COPY target/baseline-analyzer.jar /app/baseline-analyzer.jar
                            COPY run.sh /app/run.sh
                            USER 65534:65534
                            ENTRYPOINT ["sh", "/app/run.sh"]
                            """.formatted(DockerTestSupport.JRE_BASE))
                    .file("run.sh", """
                            #!/bin/sh
                            sleep %d
                            java -XX:MaxRAMPercentage=50 -Djava.io.tmpdir=/tmp -jar /app/baseline-analyzer.jar
                            """.formatted(seconds))
                    .file("target/baseline-analyzer.jar", Files.readAllBytes(BaselineAnalyzer.JAR))
                    .commit("slow analyzer");
        }
    }

    /** Exits 1 in every phase. */
    static String crasher(GitHttpTestServer git, String name) throws IOException {
        return shellAnalyzer(git, name, "[\"sh\", \"-c\", \"echo crashing >&2; exit 1\"]");
    }

    /** Sleeps past any time limit. */
    static String sleeper(GitHttpTestServer git, String name) throws IOException {
        return shellAnalyzer(git, name, "[\"sleep\", \"3600\"]");
    }

    private static String shellAnalyzer(GitHttpTestServer git, String name, String entrypoint) throws IOException {
        try (TestRepo repo = TestRepo.create(git.repositories(), name)) {
            return repo.file("Dockerfile", """
                    FROM %s
                    USER 65534:65534
                    ENTRYPOINT %s
                    """.formatted(DockerTestSupport.DEBIAN_BASE, entrypoint)).commit(name);
        }
    }

    private static String baselineDockerfile() throws IOException {
        String dockerfile = Files.readString(BaselineAnalyzer.PROJECT.resolve("Dockerfile"));
        String local = dockerfile.replace("ARG BASE_IMAGE=eclipse-temurin:17-jre",
                "ARG BASE_IMAGE=" + DockerTestSupport.JRE_BASE);
        if (local.equals(dockerfile)) {
            throw new IllegalStateException("the baseline Dockerfile no longer declares ARG BASE_IMAGE=eclipse-temurin:17-jre");
        }
        return local;
    }
}
