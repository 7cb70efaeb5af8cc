package io.subnet2.validator.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import io.subnet2.validator.sandbox.SandboxResult.OutputFile;

/**
 * The output of a phase, copied out of its per-run filesystem as the engine's tar archive of
 * {@code /data/output}: only regular files directly in the folder are written to the validator's
 * disk, by the validator, never more than {@code maxEntries} entries or {@code maxBytes} bytes. The
 * scorer therefore never opens an inode the container made (no links, holes or preallocated blocks).
 *
 * @param entries   entries seen (files, folders, links, ...), excluding the folder itself
 * @param bytes     bytes of the regular files seen
 * @param overLimit true when entries or bytes passed the limits (the copy stopped early)
 * @param problem   first entry that is not a plain regular file, null when none
 * @param files     the regular files written (name, size)
 */
public record OutputScan(int entries, long bytes, boolean overLimit, String problem, List<OutputFile> files) {

    /** Longest file name accepted (the usual NAME_MAX). */
    private static final int MAX_NAME = 255;
    /** The copy is read by the next phase (any sandbox uid) as {@code /data/features}. */
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> READABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Copies the regular files of {@code tar} (an archive of one folder, whose entries are prefixed by
     * the folder's name) into the empty folder {@code dest}. Stops at the first breach of a limit.
     *
     * @throws IOException when the archive cannot be read or {@code dest} written (a validator fault)
     */
    public static OutputScan extract(InputStream tar, Path dest, int maxEntries, long maxBytes) throws IOException {
        List<OutputFile> files = new ArrayList<>();
        int entries = 0;
        long bytes = 0;
        String problem = null;
        byte[] buffer = new byte[1 << 16];
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = relativeName(entry.getName());
                if (name.isEmpty()) {
                    continue; // the folder itself
                }
                entries++;
                if (entries > maxEntries) {
                    return new OutputScan(entries, bytes, true, problem, files);
                }
                String kind = kind(entry, name);
                if (kind != null) {
                    problem = problem == null ? kind : problem;
                    continue;
                }
                long size = 0;
                try (OutputStream out = Files.newOutputStream(dest.resolve(name), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        if (bytes + size > maxBytes) {
                            return new OutputScan(entries, bytes + size, true, problem, files);
                        }
                        out.write(buffer, 0, n);
                    }
                }
                Files.setPosixFilePermissions(dest.resolve(name), READABLE);
                bytes += size;
                files.add(new OutputFile(name, size));
            }
        }
        return new OutputScan(entries, bytes, false, problem, List.copyOf(files));
    }

    /** Human-readable limit breach; null when within the limits. */
    public String limitDetail(int maxEntries, long maxBytes) {
        if (entries > maxEntries) {
            return "output has more than " + maxEntries + " entries";
        }
        if (bytes > maxBytes) {
            return "output passed " + maxBytes + " bytes";
        }
        return null;
    }

    /** The entry's path below the archived folder ("output/a.parquet" -> "a.parquet"; the folder -> ""). */
    private static String relativeName(String archived) {
        int slash = archived.indexOf('/');
        String rest = slash < 0 ? "" : archived.substring(slash + 1);
        return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }

    /** Why an entry is not a plain regular file, or null when it is one. */
    private static String kind(TarArchiveEntry entry, String name) {
        if (entry.isSymbolicLink()) {
            return "symbolic link " + name;
        }
        if (entry.isLink()) {
            return "hard link " + name;
        }
        if (entry.isDirectory() || name.contains("/")) {
            return "sub-folder " + name.split("/", 2)[0];
        }
        if (!entry.isFile() || entry.isFIFO() || entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "special file " + name;
        }
        if (name.equals(".") || name.equals("..") || name.length() > MAX_NAME || name.indexOf('\0') >= 0) {
            return "invalid file name " + name;
        }
        return null;
    }
}
