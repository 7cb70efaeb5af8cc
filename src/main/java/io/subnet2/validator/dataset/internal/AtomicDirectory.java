package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes a folder all at once: the content is written into a hidden sibling
 * {@code .NAME.tmp-RANDOM} and renamed onto {@code NAME}; on any failure the temporary folder is
 * deleted, so {@code NAME} is either absent or complete.
 */
public final class AtomicDirectory {

    public static final String TEMP_MARKER = ".tmp-";

    /** Fills a folder. */
    @FunctionalInterface
    public interface Filler<T> {
        T fill(Path folder) throws IOException;
    }

    private AtomicDirectory() {
    }

    /**
     * @throws FileAlreadyExistsException when {@code target} exists (before or when renaming); the
     *                                    temporary folder is removed either way
     */
    public static <T> T publish(Path target, Filler<T> filler) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + absolute.getFileName() + TEMP_MARKER + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            T result = filler.fill(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                throw new FileAlreadyExistsException(absolute.toString());
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteRecursively(temp);
            } catch (IOException | UncheckedIOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** True for the temporary folders {@link #publish} leaves behind when the process dies. */
    public static boolean isTemporary(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARKER);
    }

    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
