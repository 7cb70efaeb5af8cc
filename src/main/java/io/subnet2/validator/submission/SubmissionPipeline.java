package io.subnet2.validator.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.submission.SubmissionOutcome.Status;
import io.subnet2.validator.submission.SubmissionOutcome.Timings;
import io.subnet2.validator.submission.internal.BoundedLog;
import io.subnet2.validator.submission.internal.CodeScanner;
import io.subnet2.validator.submission.internal.DockerfileRules;
import io.subnet2.validator.submission.internal.ImageBuilder;
import io.subnet2.validator.submission.internal.Rejection;
import io.subnet2.validator.submission.internal.RepositoryFetcher;
import io.subnet2.validator.submission.internal.Rule;
import io.subnet2.validator.submission.internal.TreeExtractor;
import io.subnet2.validator.submission.internal.UrlPolicy;
import io.subnet2.validator.submission.internal.Violation;

/**
 * Turns a miner's (repository URL, commit) into a built, labelled Docker image or a stored reason
 * why not: URL/commit policy (no network yet), JGit fetch of exactly that commit, file rules,
 * Dockerfile rules, code scanner, docker build. No database access: the caller stores the
 * {@link SubmissionOutcome}. Deterministic and safe to repeat for the same submission (the
 * working folder is wiped first, the same tag is rebuilt). Callers must not process the same
 * submission id concurrently (one Quartz job per submission). Builds hold a permit of the
 * {@link ExecutionSlots} shared with sandbox runs.
 */
public final class SubmissionPipeline {

    public static final String IMAGE_REPOSITORY = "subnet2-submission";
    public static final String LABEL_MANAGED = "subnet2.managed";
    public static final String LABEL_TOURNAMENT = "subnet2.tournament";
    public static final String LABEL_HOTKEY = "subnet2.hotkey";
    public static final String LABEL_COMMIT = "subnet2.commit";

    private static final Logger log = LoggerFactory.getLogger(SubmissionPipeline.class);

    private final SubmissionProperties properties;
    private final Path reposDir;
    private final UrlPolicy urlPolicy;
    private final RepositoryFetcher fetcher;
    private final TreeExtractor extractor;
    private final DockerfileRules dockerfileRules;
    private final CodeScanner scanner;
    private final ImageBuilder builder;
    private final DockerClient docker;

    /**
     * @param reposDir working folder for fetched repositories ({work-dir}/repos); each submission
     *                 uses {@code reposDir/{submission-id}}, deleted when the pipeline ends
     */
    public SubmissionPipeline(SubmissionProperties properties, Path reposDir, DockerClient docker) {
        this(properties, reposDir, docker, new ExecutionSlots(1));
    }

    /** @param slots the container parallelism shared with sandbox runs; each build holds one permit */
    public SubmissionPipeline(SubmissionProperties properties, Path reposDir, DockerClient docker,
            ExecutionSlots slots) {
        this.properties = properties;
        this.reposDir = reposDir.toAbsolutePath().normalize();
        this.docker = docker;
        this.urlPolicy = new UrlPolicy(properties);
        this.fetcher = new RepositoryFetcher(properties.maxRepoBytes().toBytes(), properties.fetchTimeout());
        this.extractor = new TreeExtractor(properties.maxFiles(), properties.maxFileBytes().toBytes(),
                properties.maxRepoBytes().toBytes());
        this.dockerfileRules = new DockerfileRules(properties.allowedBaseImages(), properties.buildArgs());
        this.scanner = CodeScanner.load(properties.scannerRulesFile());
        this.builder = new ImageBuilder(docker, properties, slots);
    }

    /**
     * The image tag of a submission: {@code subnet2-submission:{netuid}-{tournament[0:8]}-{uid}-{commit[0:12]}}
     * ({@code baseline} for the baseline's uid). Tags are for people; runs start the stored image id.
     */
    public static String imageTag(SubmissionRequest request, String commitHash) {
        int uid = request.uid();
        String owner = uid == SubmissionRequest.BASELINE_UID ? "baseline" : Integer.toString(uid);
        return IMAGE_REPOSITORY + ":" + request.netuid() + "-" + request.tournamentId().toString().substring(0, 8)
                + "-" + owner + "-" + commitHash.substring(0, 12);
    }

    /** The URL/commit policy alone (no network): the reason a submission would be refused, if any. */
    public Optional<String> checkReference(String repositoryUrl, String commitHash) {
        try {
            urlPolicy.check(repositoryUrl, commitHash);
            return Optional.empty();
        } catch (Rejection r) {
            return Optional.of(r.getMessage());
        }
    }

    public SubmissionOutcome process(SubmissionRequest request) {
        Path work = reposDir.resolve(request.submissionId().toString());
        StepClock clock = new StepClock();
        List<String> warnings = new ArrayList<>();
        BoundedLog buildLog = new BoundedLog(properties.buildLogMaxBytes().toBytes());
        try {
            deleteTree(work);
            UrlPolicy.Target target = urlPolicy.check(request.repositoryUrl(), request.commitHash());
            Path src = work.resolve("src");
            Set<String> images;
            try (Repository repo = fetcher.fetch(target, work.resolve("git"))) {
                clock.next();
                DockerfileRules.Analysis checked = staticChecks(repo, target.commit(), src, warnings);
                if (!checked.violations().isEmpty()) {
                    throw new Rejection(checked.violations());
                }
                images = checked.images();
            }
            clock.next();
            String tag = imageTag(request, target.commit());
            ImageBuilder.Built built = builder.build(src, tag, labels(request, target.commit()), images, buildLog);
            Timings timings = clock.stop();
            log.info("submission {} validated: {} {} ({} bytes) in {} ms", request.submissionId(), tag,
                    built.imageId(), built.size(), timings.total().toMillis());
            return new SubmissionOutcome(Status.VALIDATED, tag, built.imageId(), null, warnings, buildLog.text(),
                    false, timings);
        } catch (Rejection r) {
            return rejected(request, r.violations(), warnings, buildLog, clock.stop());
        } catch (IOException | RuntimeException e) {
            log.warn("submission {} broke the pipeline", request.submissionId(), e);
            return rejected(request, List.of(Violation.of(Rule.INTERNAL, e.toString())), warnings, buildLog,
                    clock.stop());
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                log.warn("could not delete {}", work, e);
            }
        }
    }

    /** Times the fetch, check and build steps in order; the step running at stop() gets the rest. */
    private static final class StepClock {
        private final Duration[] steps = {Duration.ZERO, Duration.ZERO, Duration.ZERO};
        private int step;
        private long start = System.nanoTime();

        void next() {
            long now = System.nanoTime();
            steps[step] = Duration.ofNanos(now - start);
            step = Math.min(step + 1, steps.length - 1);
            start = now;
        }

        Timings stop() {
            steps[step] = Duration.ofNanos(System.nanoTime() - start);
            return new Timings(steps[0], steps[1], steps[2]);
        }
    }

    private DockerfileRules.Analysis staticChecks(Repository repo, String commit, Path src, List<String> warnings)
            throws Rejection, IOException {
        TreeExtractor.Result files = extractor.extract(repo, commit, src);
        if (!files.complete()) {
            return new DockerfileRules.Analysis(files.violations(), Set.of());
        }
        DockerfileRules.Analysis content = contentChecks(src, warnings);
        List<Violation> violations = new ArrayList<>(files.violations());
        violations.addAll(content.violations());
        return new DockerfileRules.Analysis(violations, content.images());
    }

    /** Dockerfile rules and the code scanner over an extracted tree. */
    private DockerfileRules.Analysis contentChecks(Path src, List<String> warnings) throws IOException {
        DockerfileRules.Analysis dockerfile = dockerfileRules.check(src);
        List<Violation> violations = new ArrayList<>(dockerfile.violations());
        for (CodeScanner.Finding finding : scanner.scan(src)) {
            if (finding.severity() == CodeScanner.Severity.BLOCK) {
                violations.add(Violation.of(Rule.SCANNER_BLOCK, finding.text()));
            } else {
                warnings.add(finding.text());
            }
        }
        return new DockerfileRules.Analysis(violations, dockerfile.images());
    }

    /**
     * A stand-in commit for a local folder: SHA-1 over its files' relative paths and contents, in path
     * order, so the same folder always gets the same version (and image tag).
     */
    public static String localVersion(Path dir) throws IOException {
        java.security.MessageDigest sha1;
        try {
            sha1 = java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha1.update(dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha1.update((byte) 0);
            sha1.update(Files.readAllBytes(file));
        }
        return java.util.HexFormat.of().formatHex(sha1.digest());
    }

    /**
     * Local mode only: checks and builds a folder the operator trusts (the baseline analyzer of
     * {@code examples/}) without fetching it. The Dockerfile rules and the scanner apply; the file rules
     * of a fetched tree do not. {@code version} stands in for the commit in the tag and labels.
     */
    public SubmissionOutcome processLocalDirectory(SubmissionRequest request, Path dir, String version) {
        StepClock clock = new StepClock();
        clock.next();
        List<String> warnings = new ArrayList<>();
        BoundedLog buildLog = new BoundedLog(properties.buildLogMaxBytes().toBytes());
        try {
            DockerfileRules.Analysis checked = contentChecks(dir, warnings);
            if (!checked.violations().isEmpty()) {
                return rejected(request, checked.violations(), warnings, buildLog, clock.stop());
            }
            clock.next();
            String tag = imageTag(request, version);
            ImageBuilder.Built built = builder.build(dir, tag, labels(request, version), checked.images(), buildLog);
            return new SubmissionOutcome(Status.VALIDATED, tag, built.imageId(), null, warnings, buildLog.text(),
                    false, clock.stop());
        } catch (Rejection r) {
            return rejected(request, r.violations(), warnings, buildLog, clock.stop());
        } catch (IOException | RuntimeException e) {
            log.warn("local build of {} broke the pipeline", dir, e);
            return rejected(request, List.of(Violation.of(Rule.INTERNAL, e.toString())), warnings, buildLog,
                    clock.stop());
        }
    }

    private SubmissionOutcome rejected(SubmissionRequest request, List<Violation> violations, List<String> warnings,
            BoundedLog buildLog, Timings timings) {
        boolean disqualify = violations.stream().anyMatch(v -> v.rule().effect() == Rule.Effect.DISQUALIFY);
        boolean retryable = !disqualify
                && violations.stream().allMatch(v -> v.rule().effect() == Rule.Effect.FAIL_RETRYABLE);
        String reason = violations.stream().map(Violation::text).collect(Collectors.joining("\n"));
        Status status = disqualify ? Status.DISQUALIFIED : Status.FAILED;
        log.info("submission {} {}: {}", request.submissionId(), status.dbValue(), violations.get(0).text());
        return new SubmissionOutcome(status, null, null, reason, warnings, buildLog.text(), retryable, timings);
    }

    private static Map<String, String> labels(SubmissionRequest request, String commit) {
        return Map.of(LABEL_MANAGED, "true",
                LABEL_TOURNAMENT, request.tournamentId().toString(),
                LABEL_HOTKEY, request.hotkey(),
                LABEL_COMMIT, commit);
    }

    /**
     * Removes the images built for a finished tournament (found by their tournament label, so another
     * validator's images on the same engine are never touched), except any image id a live submission
     * (of a tournament that is not finished) still references. Returns the removed image ids.
     */
    public List<String> removeTournamentImages(UUID tournamentId, Set<String> liveImageIds) {
        List<String> removed = new ArrayList<>();
        List<Image> images = docker.listImagesCmd()
                .withLabelFilter(Map.of(LABEL_MANAGED, "true", LABEL_TOURNAMENT, tournamentId.toString())).exec();
        for (Image image : images) {
            if (liveImageIds.contains(image.getId())) {
                log.info("image {} of finished tournament {} kept: a live submission uses it", image.getId(), tournamentId);
                continue;
            }
            try {
                docker.removeImageCmd(image.getId()).withForce(true).exec();
                removed.add(image.getId());
            } catch (NotFoundException e) {
                // removed meanwhile
            } catch (RuntimeException e) {
                log.warn("image {} of tournament {} not removed: {}", image.getId(), tournamentId, e.getMessage());
            }
        }
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
