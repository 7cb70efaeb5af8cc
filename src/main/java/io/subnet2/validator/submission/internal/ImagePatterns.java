package io.subnet2.validator.submission.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The allow-list of base images. An image reference is normalised ({@code docker.io/library/python:3}
 * is {@code python:3}); a pattern without tag or digest matches the repository with any tag or
 * digest, a pattern with one matches {@code repo:tag} / {@code repo@digest}; {@code *} matches
 * within one path segment (so {@code subnet2-base/*} matches {@code subnet2-base/python:3} but a
 * registry host never matches an official-image pattern).
 */
final class ImagePatterns {

    /** A parsed image reference; tag is "latest" when absent and a digest is absent too. */
    record ImageRef(String repository, String tag, String digest) {
        String withTag() {
            return digest != null ? repository + "@" + digest : repository + ":" + tag;
        }
    }

    private static final Pattern REPOSITORY = Pattern.compile(
            "([a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    ImagePatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = patterns.stream().map(ImagePatterns::compile).toList();
    }

    List<String> patterns() {
        return patterns;
    }

    boolean allows(String reference) {
        ImageRef ref = parse(reference);
        if (ref == null) {
            return false;
        }
        for (int i = 0; i < patterns.size(); i++) {
            boolean withTag = hasTagOrDigest(patterns.get(i));
            if (compiled.get(i).matcher(withTag ? ref.withTag() : ref.repository()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Parses and normalises a reference; null when it is not a valid image reference. */
    static ImageRef parse(String reference) {
        if (reference == null || reference.isEmpty() || reference.length() > 512) {
            return null;
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return null;
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return null;
            }
        }
        if (!REPOSITORY.matcher(rest).matches()) {
            return null;
        }
        String repository = normalise(rest);
        return new ImageRef(repository, tag == null && digest == null ? "latest" : tag, digest);
    }

    private static String normalise(String repository) {
        String r = repository;
        for (String registry : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
            if (r.startsWith(registry)) {
                r = r.substring(registry.length());
                break;
            }
        }
        return r.startsWith("library/") && r.indexOf('/', 8) < 0 ? r.substring(8) : r;
    }

    private static boolean hasTagOrDigest(String pattern) {
        return pattern.indexOf('@') >= 0 || pattern.lastIndexOf(':') > pattern.lastIndexOf('/');
    }

    private static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = normalise(pattern.trim()).split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^/]*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
