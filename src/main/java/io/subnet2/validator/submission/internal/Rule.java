package io.subnet2.validator.submission.internal;

/**
 * Every fixed rule of the submission pipeline with the reason text a miner reads. The code
 * scanner's rules are data (scanner-rules.json) and reported under {@link #SCANNER_BLOCK}.
 * docs/submission.md lists each id and text; SubmissionDocsTest keeps them in sync.
 */
public enum Rule {
    URL_SYNTAX("url.syntax", Effect.DISQUALIFY, "repository URL is not a valid URL"),
    URL_LENGTH("url.length", Effect.DISQUALIFY, "repository URL is longer than 500 characters"),
    URL_CREDENTIALS("url.credentials", Effect.DISQUALIFY, "repository URL must not contain credentials (user-info)"),
    URL_SCHEME("url.scheme", Effect.DISQUALIFY, "only https:// repository URLs are accepted"),
    URL_PORT("url.port", Effect.DISQUALIFY, "repository URL must not name a port"),
    URL_IP_LITERAL("url.ip-literal", Effect.DISQUALIFY, "repository URL must name a host, not an IP address"),
    URL_HOST("url.host", Effect.DISQUALIFY, "repository host is not an allowed Git host"),
    URL_PATH("url.path", Effect.DISQUALIFY, "repository URL path must be /{owner}/{repo} with an optional .git"),
    URL_QUERY("url.query", Effect.DISQUALIFY, "repository URL must not have a query or fragment"),
    COMMIT_FORMAT("commit.format", Effect.DISQUALIFY,
            "commit must be a full 40-character hexadecimal SHA-1 (branch names, tags and short SHAs are not accepted)"),

    FETCH_REDIRECT("fetch.redirect", Effect.DISQUALIFY,
            "the Git server answered with a redirect, which is not followed; submit the canonical repository URL"),
    FETCH_TOO_LARGE("fetch.too-large", Effect.DISQUALIFY, "repository download exceeds the size limit"),
    FETCH_INVALID_OBJECT("fetch.invalid-object", Effect.DISQUALIFY, "repository contains malformed Git objects"),
    FETCH_TIMEOUT("fetch.timeout", Effect.FAIL_RETRYABLE, "fetching the repository did not finish in time"),
    FETCH_NOT_FOUND("fetch.not-found", Effect.FAIL, "repository not found or not public"),
    FETCH_COMMIT_MISSING("fetch.commit-missing", Effect.FAIL, "commit not found in the repository"),
    FETCH_NOT_A_COMMIT("fetch.not-a-commit", Effect.FAIL, "the SHA names a Git object that is not a commit"),
    FETCH_ERROR("fetch.error", Effect.FAIL_RETRYABLE, "the repository could not be fetched"),

    FILES_COUNT("files.count", Effect.DISQUALIFY, "repository has too many files"),
    FILES_TOTAL_SIZE("files.total-size", Effect.DISQUALIFY, "repository files are too large in total"),
    FILES_FILE_SIZE("files.file-size", Effect.DISQUALIFY, "file is too large"),
    FILES_SYMLINK("files.symlink", Effect.DISQUALIFY, "symbolic links are not allowed"),
    FILES_SUBMODULE("files.submodule", Effect.DISQUALIFY, "submodules (gitlinks) are not allowed"),
    FILES_PATH("files.path", Effect.DISQUALIFY, "unsafe or overlong file path"),
    FILES_DOCKERFILE("files.dockerfile-missing", Effect.DISQUALIFY, "no regular file named Dockerfile at the repository root"),

    DOCKERFILE_PARSE("dockerfile.parse", Effect.DISQUALIFY, "Dockerfile cannot be checked"),
    DOCKERFILE_NO_FROM("dockerfile.no-from", Effect.DISQUALIFY, "Dockerfile has no FROM instruction"),
    DOCKERFILE_BASE_IMAGE("dockerfile.base-image", Effect.DISQUALIFY, "base image is not in the allowed base images"),
    DOCKERFILE_COPY_FROM("dockerfile.copy-from", Effect.DISQUALIFY,
            "COPY --from must name an earlier stage or an allowed base image"),
    DOCKERFILE_ADD("dockerfile.add", Effect.DISQUALIFY,
            "ADD is not allowed (the engine fetches ADD URLs on the host's network); use COPY"),
    DOCKERFILE_ONBUILD("dockerfile.onbuild", Effect.DISQUALIFY, "ONBUILD is not allowed"),
    DOCKERFILE_VOLUME("dockerfile.volume", Effect.DISQUALIFY,
            "VOLUME is not allowed (the sandbox gives the analyzer /tmp and /data/output only)"),
    DOCKERFILE_RUN_FLAG("dockerfile.run-flag", Effect.DISQUALIFY,
            "RUN options (--network, --security, --mount, --privileged, ...) are not allowed"),
    DOCKERFILE_DOCKER_SOCK("dockerfile.docker-sock", Effect.DISQUALIFY, "the Dockerfile must not mention docker.sock"),
    DOCKERFILE_USER("dockerfile.user", Effect.DISQUALIFY, "the final stage must set a literal non-root USER"),

    SCANNER_BLOCK("scanner", Effect.DISQUALIFY, "code scanner finding"),

    IMAGE_NOT_LOCAL("image.not-local", Effect.FAIL,
            "an image the build names is not on the validator's engine (images are never pulled)"),
    IMAGE_ONBUILD("image.onbuild", Effect.DISQUALIFY, "an image the build names carries ONBUILD triggers"),
    IMAGE_VOLUME("image.volume", Effect.DISQUALIFY, "an image the build names, or the built image, declares a VOLUME"),

    BUILD_FAILED("build.failed", Effect.FAIL, "docker build failed"),
    BUILD_TIMEOUT("build.timeout", Effect.FAIL, "docker build did not finish in time"),
    BUILD_IMAGE_TOO_LARGE("build.image-too-large", Effect.DISQUALIFY, "built image is larger than the size limit"),
    BUILD_PIDS("build.pids-limit", Effect.FAIL, "a build step started more processes than the build limit"),
    BUILD_DISK("build.disk-limit", Effect.FAIL, "a build step wrote more than the build disk limit"),
    BUILD_FILE_SIZE("build.file-size", Effect.FAIL, "a build step wrote a file larger than the build file size limit"),
    BUILD_ENGINE_DISK("build.engine-disk-low", Effect.FAIL_RETRYABLE,
            "the engine's disk ran low during the build; the build was stopped"),
    BUILD_ENGINE("build.engine", Effect.FAIL_RETRYABLE, "Docker engine error during the build"),

    INTERNAL("internal", Effect.FAIL_RETRYABLE, "internal validator error");

    /** What a violation of the rule does to the submission. */
    public enum Effect {
        /** status {@code disqualified}. */
        DISQUALIFY,
        /** status {@code failed}; the miner's side (repository, build) broke. */
        FAIL,
        /** status {@code failed}; probably not the miner's fault, worth retrying. */
        FAIL_RETRYABLE
    }

    private final String id;
    private final Effect effect;
    private final String text;

    Rule(String id, Effect effect, String text) {
        this.id = id;
        this.effect = effect;
        this.text = text;
    }

    public String id() {
        return id;
    }

    public Effect effect() {
        return effect;
    }

    public String text() {
        return text;
    }
}
