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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
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
 * submission id concurrently (one Quartz job per submission).
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
        this.properties = properties;
        this.reposDir = reposDir.toAbsolutePath().normalize();
        this.docker = docker;
        this.urlPolicy = new UrlPolicy(properties);
        this.fetcher = new RepositoryFetcher(properties.maxRepoBytes().toBytes(), properties.fetchTimeout());
        this.extractor = new TreeExtractor(properties.maxFiles(), properties.maxFileBytes().toBytes(),
                properties.maxRepoBytes().toBytes());
        this.dockerfileRules = new DockerfileRules(properties.allowedBaseImages(), properties.buildArgs());
        this.scanner = CodeScanner.load(properties.scannerRulesFile());
        this.builder = new ImageBuilder(docker, properties.buildTimeout(), properties.buildMemoryBytes().toBytes(),
                properties.maxImageBytes().toBytes(), properties.pull(), properties.buildArgs());
    }

    /** The image tag of a submission: {@code subnet2-submission:{uid}-{commit[0:12]}} ({@code baseline-...} for the baseline). */
    public static String imageTag(int uid, String commitHash) {
        String owner = uid == SubmissionRequest.BASELINE_UID ? "baseline" : Integer.toString(uid);
        return IMAGE_REPOSITORY + ":" + owner + "-" + commitHash.substring(0, 12);
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
            try (Repository repo = fetcher.fetch(target, work.resolve("git"))) {
                clock.next();
                List<Violation> violations = staticChecks(repo, target.commit(), src, warnings);
                if (!violations.isEmpty()) {
                    throw new Rejection(violations);
                }
            }
            clock.next();
            String tag = imageTag(request.uid(), target.commit());
            ImageBuilder.Built built = builder.build(src, tag, labels(request, target.commit()), buildLog);
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

    private List<Violation> staticChecks(Repository repo, String commit, Path src, List<String> warnings)
            throws Rejection, IOException {
        TreeExtractor.Result files = extractor.extract(repo, commit, src);
        List<Violation> violations = new ArrayList<>(files.violations());
        if (!files.complete()) {
            return violations;
        }
        violations.addAll(contentChecks(src, warnings));
        return violations;
    }

    /** Dockerfile rules and the code scanner over an extracted tree. */
    private List<Violation> contentChecks(Path src, List<String> warnings) throws IOException {
        List<Violation> violations = new ArrayList<>(dockerfileRules.check(src));
        for (CodeScanner.Finding finding : scanner.scan(src)) {
            if (finding.severity() == CodeScanner.Severity.BLOCK) {
                violations.add(Violation.of(Rule.SCANNER_BLOCK, finding.text()));
            } else {
                warnings.add(finding.text());
            }
        }
        return violations;
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
            List<Violation> violations = contentChecks(dir, warnings);
            if (!violations.isEmpty()) {
                return rejected(request, violations, warnings, buildLog, clock.stop());
            }
            clock.next();
            String tag = imageTag(request.uid(), version);
            ImageBuilder.Built built = builder.build(dir, tag, labels(request, version), buildLog);
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
     * Removes a submission's image once its tournament is finished. Only removes it when the image
     * still belongs to {@code tournamentId} (the same uid and commit in a later tournament rebuilds
     * the same tag). Returns true when an image was removed.
     */
    public boolean removeImage(String dockerImageTag, UUID tournamentId) {
        if (dockerImageTag == null || !dockerImageTag.startsWith(IMAGE_REPOSITORY + ":")) {
            return false;
        }
        try {
            Map<String, String> labels = docker.inspectImageCmd(dockerImageTag).exec().getConfig().getLabels();
            if (labels == null || !tournamentId.toString().equals(labels.get(LABEL_TOURNAMENT))) {
                return false;
            }
            docker.removeImageCmd(dockerImageTag).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
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
