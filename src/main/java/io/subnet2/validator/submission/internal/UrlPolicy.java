package io.subnet2.validator.submission.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.subnet2.validator.submission.SubmissionProperties;

/**
 * Repository URL and commit policy, applied before anything touches the network: no DNS lookup,
 * no connection. Everything not explicitly allowed is rejected with a reason.
 */
public final class UrlPolicy {

    /** A URL and commit that passed the policy, normalised (lower-case scheme, host and SHA). */
    public record Target(URI url, String commit) {
    }

    static final int MAX_URL_LENGTH = 500;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}");

    private final SubmissionProperties properties;

    public UrlPolicy(SubmissionProperties properties) {
        this.properties = properties;
    }

    public Target check(String repositoryUrl, String commitHash) throws Rejection {
        String commit = checkCommit(commitHash);
        return new Target(checkUrl(repositoryUrl), commit);
    }

    static String checkCommit(String commitHash) throws Rejection {
        String value = commitHash == null ? "" : commitHash.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (!SHA.matcher(lower).matches()) {
            throw new Rejection(Violation.of(Rule.COMMIT_FORMAT, "got '" + printable(value) + "'"));
        }
        return lower;
    }

    URI checkUrl(String repositoryUrl) throws Rejection {
        if (repositoryUrl == null || repositoryUrl.isBlank()) {
            throw reject(Rule.URL_SYNTAX, "empty");
        }
        if (repositoryUrl.length() > MAX_URL_LENGTH) {
            throw reject(Rule.URL_LENGTH, repositoryUrl.length() + " characters");
        }
        URI uri;
        try {
            uri = new URI(repositoryUrl.trim());
        } catch (URISyntaxException e) {
            throw reject(Rule.URL_SYNTAX, e.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw reject(Rule.URL_SCHEME, "got '" + printable(repositoryUrl) + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = host + ":" + uri.getPort();
        boolean loopback = scheme.equals("http") && uri.getPort() > 0 && properties.isLoopbackHttpHost(hostPort);
        if (!loopback && !scheme.equals("https")) {
            throw reject(Rule.URL_SCHEME, "got " + printable(scheme) + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw reject(Rule.URL_CREDENTIALS, null);
        }
        if (!loopback) {
            if (host.isEmpty()) {
                throw reject(Rule.URL_SYNTAX, "no host");
            }
            if (uri.getPort() != -1) {
                throw reject(Rule.URL_PORT, "port " + uri.getPort());
            }
            if (host.startsWith("[") || IPV4.matcher(host).matches()) {
                throw reject(Rule.URL_IP_LITERAL, host);
            }
            if (!HOST_NAME.matcher(host).matches() || !properties.allowedHosts().contains(host)) {
                throw reject(Rule.URL_HOST, printable(host) + " (allowed: " + String.join(", ", properties.allowedHosts()) + ")");
            }
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw reject(Rule.URL_QUERY, null);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] parts = path.split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || !validSegment(parts[1]) || !validSegment(parts[2])) {
            throw reject(Rule.URL_PATH, "got '" + printable(path) + "'");
        }
        try {
            return new URI(scheme, null, host, uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw reject(Rule.URL_SYNTAX, e.getReason());
        }
    }

    private static boolean validSegment(String segment) {
        return SEGMENT.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..")
                && !segment.equals(".git") && !segment.startsWith("-");
    }

    private static Rejection reject(Rule rule, String detail) {
        return new Rejection(Violation.of(rule, detail));
    }

    /** Miner-supplied text shortened and stripped of control characters before it goes into a reason. */
    static String printable(String value) {
        return printable(value, 80);
    }

    static String printable(String value, int maxLength) {
        String cleaned = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) + "..." : cleaned;
    }
}
