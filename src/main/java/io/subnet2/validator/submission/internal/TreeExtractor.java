package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the tree of one commit from the object database to a folder, ourselves rather than
 * through a checkout: only regular files (modes 100644 and 100755) are written, as raw blob bytes
 * (no filters, no LFS smudge). Symbolic links (any target) and gitlinks (submodules) are reported,
 * never created. File count, file size and total size are checked from the object headers before
 * any byte is written.
 */
public final class TreeExtractor {

    /** Violations found; {@code complete} is false when a size/count cap stopped the walk. */
    public record Result(List<Violation> violations, int files, long bytes, boolean complete) {
    }

    static final int MAX_PATH_LENGTH = 1024;
    static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_VIOLATIONS = 50;
    private static final int MAX_LINK_TARGET = 1024;

    private final int maxFiles;
    private final long maxFileBytes;
    private final long maxTotalBytes;

    public TreeExtractor(int maxFiles, long maxFileBytes, long maxTotalBytes) {
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    public Result extract(Repository repo, String commitSha, Path dest) throws Rejection, IOException {
        try {
            return walk(repo, commitSha, dest);
        } catch (MissingObjectException e) {
            throw new Rejection(Violation.of(Rule.FETCH_ERROR,
                    "the server sent an incomplete object graph (missing " + e.getObjectId().name() + ")"));
        }
    }

    private Result walk(Repository repo, String commitSha, Path dest) throws Rejection, IOException {
        Files.createDirectories(dest);
        Path root = dest.toRealPath();
        List<Violation> violations = new ArrayList<>();
        int files = 0;
        long total = 0;
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo);
                ObjectReader reader = repo.newObjectReader()) {
            RevCommit commit = parseCommit(walk, commitSha);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (violations.size() >= MAX_VIOLATIONS) {
                    return new Result(violations, files, total, false);
                }
                String path = tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                ObjectId id = tree.getObjectId(0);
                if (++files > maxFiles) {
                    violations.add(Violation.of(Rule.FILES_COUNT, "more than " + maxFiles));
                    return new Result(violations, files, total, false);
                }
                if (mode == FileMode.GITLINK) {
                    violations.add(Violation.of(Rule.FILES_SUBMODULE, UrlPolicy.printable(path, 200)));
                    continue;
                }
                if (mode == FileMode.SYMLINK) {
                    violations.add(Violation.of(Rule.FILES_SYMLINK,
                            UrlPolicy.printable(path, 200) + " -> " + linkTarget(reader, id)));
                    continue;
                }
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    violations.add(Violation.of(Rule.FILES_PATH, "unsupported mode " + mode + " for " + path));
                    continue;
                }
                Path target = safeTarget(root, path);
                if (target == null) {
                    violations.add(Violation.of(Rule.FILES_PATH, UrlPolicy.printable(path, 200)));
                    continue;
                }
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                if (size > maxFileBytes) {
                    violations.add(Violation.of(Rule.FILES_FILE_SIZE,
                            UrlPolicy.printable(path, 200) + " has " + size + " bytes (limit " + maxFileBytes + ")"));
                    continue;
                }
                total += size;
                if (total > maxTotalBytes) {
                    violations.add(Violation.of(Rule.FILES_TOTAL_SIZE, "more than " + maxTotalBytes + " bytes"));
                    return new Result(violations, files, total, false);
                }
                write(reader, id, target, mode == FileMode.EXECUTABLE_FILE);
            }
        }
        return new Result(violations, files, total, true);
    }

    private static RevCommit parseCommit(RevWalk walk, String sha) throws Rejection, IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(sha));
        } catch (IncorrectObjectTypeException e) {
            throw new Rejection(Violation.of(Rule.FETCH_NOT_A_COMMIT, sha));
        } catch (MissingObjectException e) {
            throw new Rejection(Violation.of(Rule.FETCH_COMMIT_MISSING, sha));
        }
    }

    /** The file's location under root, or null when the path is unsafe (also after JGit's object checks). */
    static Path safeTarget(Path root, String path) {
        if (path.isEmpty() || path.length() > MAX_PATH_LENGTH || path.startsWith("/")) {
            return null;
        }
        for (String name : path.split("/", -1)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals(".") || name.equals("..") || lower.equals(".git")
                    || name.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
                return null;
            }
        }
        Path target = root.resolve(path).normalize();
        return target.startsWith(root) && !target.equals(root) ? target : null;
    }

    private static void write(ObjectReader reader, ObjectId id, Path target, boolean executable) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            reader.open(id, Constants.OBJ_BLOB).copyTo(out);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static String linkTarget(ObjectReader reader, ObjectId id) throws IOException {
        if (reader.getObjectSize(id, Constants.OBJ_BLOB) > MAX_LINK_TARGET) {
            return "(long target)";
        }
        byte[] bytes = reader.open(id, Constants.OBJ_BLOB).getCachedBytes(MAX_LINK_TARGET);
        return UrlPolicy.printable(new String(bytes, StandardCharsets.UTF_8), 200);
    }
}
