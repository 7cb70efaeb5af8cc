package io.subnet2.validator.sandbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.subnet2.validator.sandbox.SandboxResult.OutputFile;

/**
 * A bounded walk of an output directory: it never follows links and stops as soon as the entry or
 * byte limit is passed, so a directory with a million files costs at most {@code maxEntries + 1} lstat calls.
 *
 * @param entries  entries seen (files, folders, links, ...), excluding the directory itself
 * @param bytes    apparent size of the regular files seen
 * @param overLimit true when entries or bytes passed the limits (the walk stopped early)
 * @param problem  first entry that is not a plain regular file, null when none
 * @param files    the regular files seen (name relative to the directory, size)
 */
public record OutputScan(int entries, long bytes, boolean overLimit, String problem, List<OutputFile> files) {

    public static OutputScan scan(Path dir, int maxEntries, long maxBytes) {
        Walker walker = new Walker(dir, maxEntries, maxBytes);
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64, walker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir, e);
        }
        return new OutputScan(walker.entries, walker.bytes, walker.over, walker.problem, List.copyOf(walker.files));
    }

    /** Human-readable limit breach, e.g. "65 entries > 64"; null when within the limits. */
    public String limitDetail(int maxEntries, long maxBytes) {
        if (entries > maxEntries) {
            return "output has more than " + maxEntries + " entries";
        }
        if (bytes > maxBytes) {
            return "output passed " + maxBytes + " bytes";
        }
        return null;
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final int maxEntries;
        private final long maxBytes;
        private final List<OutputFile> files = new ArrayList<>();
        private int entries;
        private long bytes;
        private boolean over;
        private String problem;

        Walker(Path root, int maxEntries, long maxBytes) {
            this.root = root;
            this.maxEntries = maxEntries;
            this.maxBytes = maxBytes;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            flag("sub-folder " + name(dir));
            return count(0) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isSymbolicLink()) {
                flag("symbolic link " + name(file));
            } else if (attrs.isDirectory()) {
                flag("sub-folder " + name(file)); // below the depth bound
            } else if (!attrs.isRegularFile()) {
                flag("special file " + name(file));
            } else {
                int links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                if (links != 1) {
                    flag("hard link " + name(file) + " (" + links + " links)");
                }
                files.add(new OutputFile(name(file), attrs.size()));
            }
            return count(attrs.isRegularFile() ? attrs.size() : 0) ? FileVisitResult.CONTINUE
                    : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            flag("unreadable entry " + name(file));
            return count(0) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        private boolean count(long size) {
            entries++;
            bytes += size;
            over = entries > maxEntries || bytes > maxBytes;
            return !over;
        }

        private void flag(String message) {
            if (problem == null) {
                problem = message;
            }
        }

        private String name(Path path) {
            return root.relativize(path).toString();
        }
    }
}
