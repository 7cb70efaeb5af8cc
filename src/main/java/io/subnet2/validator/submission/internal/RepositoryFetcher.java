package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TransportHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches exactly one commit into a fresh bare repository with JGit: no working tree (so no
 * checkout, no hooks, no LFS filters, no submodules), HTTP only, byte and time budget from a
 * {@link FetchGuard}. First a shallow fetch of the SHA itself (servers that allow SHA wants, as
 * GitHub and GitLab do); if the server refuses that, all branches and tags, after which the
 * commit must be present.
 */
public final class RepositoryFetcher {

    private static final Logger log = LoggerFactory.getLogger(RepositoryFetcher.class);
    private static final String SUBMISSION_REF = "refs/heads/submission";

    private final long maxBytes;
    private final Duration timeout;

    public RepositoryFetcher(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Fetches {@code target} into a new bare repository at {@code gitDir}; the caller closes it. */
    public Repository fetch(UrlPolicy.Target target, Path gitDir) throws Rejection, IOException {
        Repository repo = FileRepositoryBuilder.create(gitDir.toFile());
        boolean ok = false;
        try {
            repo.create(true);
            StoredConfig config = repo.getConfig();
            config.setString("http", null, "followRedirects", "false");
            config.save();
            fetchInto(repo, target);
            ok = true;
            return repo;
        } finally {
            if (!ok) {
                repo.close();
            }
        }
    }

    private void fetchInto(Repository repo, UrlPolicy.Target target) throws Rejection {
        FetchGuard guard = new FetchGuard(maxBytes, timeout);
        ObjectId commit = ObjectId.fromString(target.commit());
        try {
            run(repo, target.url(), guard, List.of(new RefSpec("+" + target.commit() + ":" + SUBMISSION_REF)), 1);
        } catch (GitAPIException | RuntimeException e) {
            Violation fatal = classify(e, guard, false);
            if (fatal != null) {
                throw new Rejection(fatal);
            }
            log.info("fetch of {} by SHA refused ({}); fetching branches and tags", target.url(), e.toString());
            try {
                run(repo, target.url(), guard, List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                        new RefSpec("+refs/tags/*:refs/tags/*")), 0);
            } catch (GitAPIException | RuntimeException e2) {
                throw new Rejection(classify(e2, guard, true));
            }
        }
        try {
            if (!repo.getObjectDatabase().has(commit)) {
                throw new Rejection(Violation.of(Rule.FETCH_COMMIT_MISSING, target.commit()));
            }
        } catch (IOException e) {
            throw new Rejection(Violation.of(Rule.FETCH_ERROR, e.getMessage()));
        }
        log.debug("fetched {} at {}: {} bytes", target.url(), target.commit(), guard.received());
    }

    private static void run(Repository repo, URI url, FetchGuard guard, List<RefSpec> specs, int depth)
            throws GitAPIException {
        FetchCommand fetch = Git.wrap(repo).fetch()
                .setRemote(url.toString())
                .setRefSpecs(specs)
                .setTagOpt(TagOpt.NO_TAGS)
                .setRecurseSubmodules(FetchRecurseSubmodulesMode.NO)
                // JGit's fsck doubles as a connectivity walk that fails on a shallow fetch; the
                // tree walk of TreeExtractor reads every object we use and validates every path
                .setCheckFetchedObjects(false)
                .setProgressMonitor(guard.progressMonitor())
                .setTimeout(guard.remainingSeconds())
                .setTransportConfigCallback(transport -> {
                    if (!(transport instanceof TransportHttp http)) {
                        throw new IllegalStateException("only HTTP(S) transports are allowed, got " + transport);
                    }
                    http.setHttpConnectionFactory(guard.connectionFactory());
                });
        if (depth > 0) {
            fetch.setDepth(depth);
        }
        fetch.call();
    }

    /**
     * The violation a failed fetch stands for, or null when the SHA fetch may simply be
     * unsupported by the server ({@code last} false) and the branch fetch is worth a try.
     */
    private static Violation classify(Exception e, FetchGuard guard, boolean last) {
        if (guard.redirectLocation() != null) {
            return Violation.of(Rule.FETCH_REDIRECT, "to " + UrlPolicy.printable(guard.redirectLocation()));
        }
        if (guard.bytesExceeded()) {
            return Violation.of(Rule.FETCH_TOO_LARGE, "more than " + guard.maxBytes() + " bytes");
        }
        if (guard.timedOut() || hasCause(e, SocketTimeoutException.class)) {
            return Violation.of(Rule.FETCH_TIMEOUT, "limit " + guard.timeout().toSeconds() + " s");
        }
        if (hasCause(e, NoRemoteRepositoryException.class) || messageContains(e, "not authorized")
                || messageContains(e, "Authentication is required")) {
            return Violation.of(Rule.FETCH_NOT_FOUND, null);
        }
        if (hasCause(e, CorruptObjectException.class)) {
            return Violation.of(Rule.FETCH_INVALID_OBJECT, rootMessage(e));
        }
        return last ? Violation.of(Rule.FETCH_ERROR, rootMessage(e)) : null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageContains(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return UrlPolicy.printable(message.replaceAll("\\s+", " "), 300);
    }
}
