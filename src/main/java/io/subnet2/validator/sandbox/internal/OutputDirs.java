package io.subnet2.validator.sandbox.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import io.subnet2.validator.sandbox.SandboxException;

/** Preparation and clean-up of the host directories bound into a container. */
public final class OutputDirs {

    private OutputDirs() {
    }

    /** Checks that a directory to mount read-only exists and is a real directory. */
    public static void requireDirectory(Path dir, String what) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new SandboxException(what + " " + dir + " is not a directory");
        }
    }

    /**
     * Creates {@code dir} (or accepts an existing empty one) for the output copied out of the run's
     * filesystem; only the validator writes it. Mode 0755, so any sandbox uid can read it as the
     * next phase's {@code /data/features}.
     */
    public static void prepareOutput(Path dir) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                requireDirectory(dir, "output dir");
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (entries.iterator().hasNext()) {
                        throw new SandboxException("output dir " + dir + " is not empty");
                    }
                }
            } else {
                Files.createDirectories(dir);
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new SandboxException("cannot prepare output dir " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes everything inside {@code dir} without following links; returns false when something stayed. */
    public static boolean purgeContents(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (!d.equals(dir)) {
                        Files.deleteIfExists(d);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
