package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.sandbox.FailureReason;
import io.subnet2.validator.sandbox.Phase;
import io.subnet2.validator.sandbox.RunSpec;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.sandbox.SandboxResult;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.testsupport.DockerTestSupport;

/**
 * Images of the same miner and commit in two tournaments: each tournament gets its own tag (netuid and
 * tournament in it) and image id; cleaning up the first tournament removes only images no live
 * submission references, and the second tournament's run, started from its stored image id, still starts.
 */
class ImageLifecycleTest {

    @TempDir
    static Path temp;
    static GitHttpTestServer git;
    static DockerClient docker;
    static SubmissionPipeline pipeline;
    static final UUID FIRST = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        docker = DockerTestSupport.requireDocker();
        DockerTestSupport.requireImage(docker, DockerTestSupport.PYTHON_BASE);
        git = new GitHttpTestServer(temp);
        pipeline = new SubmissionPipeline(SubmissionProperties.withLoopbackHosts(List.of(git.hostPort())),
                temp.resolve("repos"), docker);
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            for (UUID tournament : List.of(FIRST, SECOND)) {
                for (Image image : docker.listImagesCmd()
                        .withLabelFilter(Map.of(SubmissionPipeline.LABEL_TOURNAMENT, tournament.toString())).exec()) {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                }
            }
            docker.close();
        }
        if (git != null) {
            git.close();
        }
    }

    static SubmissionOutcome build(UUID tournament, String url, String sha) {
        SubmissionOutcome outcome = pipeline.process(new SubmissionRequest(UUID.randomUUID(), tournament, 7,
                "5SameMiner", 61, url, sha));
        assertThat(outcome.status()).as(outcome.validationError()).isEqualTo(Status.VALIDATED);
        return outcome;
    }

    @Test
    void cleaningUpOneTournamentLeavesTheOtherTournamentsImageRunnable() throws Exception {
        String sha;
        try (TestRepo repo = TestRepo.create(git.repositories(), "same/miner.git")) {
            sha = repo.file("Dockerfile", "FROM " + DockerTestSupport.PYTHON_BASE + "\nCOPY analyzer.py /app/\n"
                    + "USER 65534\nENTRYPOINT [\"python3\", \"/app/analyzer.py\"]\n")
                    .file("analyzer.py", "print('second-tournament-run-started')\n").commit("one");
        }
        String url = git.url("same/miner.git");
        SubmissionOutcome first = build(FIRST, url, sha);
        SubmissionOutcome second = build(SECOND, url, sha);

        assertThat(first.dockerImageTag()).isEqualTo("subnet2-submission:7-" + FIRST.toString().substring(0, 8)
                + "-61-" + sha.substring(0, 12));
        assertThat(second.dockerImageTag()).isNotEqualTo(first.dockerImageTag());
        assertThat(second.imageDigest()).isNotEqualTo(first.imageDigest());

        // a live submission still referencing the first image keeps it
        assertThat(pipeline.removeTournamentImages(FIRST, Set.of(first.imageDigest()))).isEmpty();
        assertThat(exists(first.imageDigest())).isTrue();
        // the first tournament is over; only the second's submission is live
        assertThat(pipeline.removeTournamentImages(FIRST, Set.of(second.imageDigest())))
                .containsExactly(first.imageDigest());
        assertThat(exists(first.imageDigest())).isFalse();
        assertThat(exists(first.dockerImageTag())).isFalse();
        assertThat(exists(second.imageDigest())).isTrue();

        // even with its tag moved to another image, the second tournament's run starts the stored image id
        String tagName = second.dockerImageTag().substring(second.dockerImageTag().indexOf(':') + 1);
        docker.tagImageCmd(DockerTestSupport.PYTHON_BASE, SubmissionPipeline.IMAGE_REPOSITORY, tagName).withForce().exec();
        assertThat(docker.inspectImageCmd(second.dockerImageTag()).exec().getId()).isNotEqualTo(second.imageDigest());
        Path input = Files.createDirectories(temp.resolve("input"));
        try (SandboxRunner sandbox = SandboxRunner.create(SandboxProperties.defaults())) {
            SandboxResult result = sandbox.run(RunSpec.of("lifecycle-" + UUID.randomUUID(), second.imageDigest(),
                    Phase.FEATURES, Map.of(), input, null, temp.resolve("output"), SandboxLimits.defaults()));
            assertThat(result.reason()).as(result.detail()).isNotEqualTo(FailureReason.START_FAILED);
            assertThat(result.exitCode()).isZero();
            assertThat(result.logExcerpt()).contains("second-tournament-run-started");
        } finally {
            docker.removeImageCmd(second.dockerImageTag()).exec(); // only untags the base image
        }
    }

    static boolean exists(String ref) {
        try {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
