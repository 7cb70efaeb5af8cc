package io.subnet2.validator.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxResult.OutputFile;

/** The copy-out of an output archive, on archives shaped like the engine's (entries below "output/"). */
class OutputScanTest {

    @TempDir
    Path dir;

    /** A tar archive of a folder "output" in the engine's layout. */
    private static final class Archive {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Archive() throws IOException {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry("output/"));
            tar.closeArchiveEntry();
        }

        Archive file(String name, int size) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry("output/" + name);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            tar.write(new byte[size]);
            tar.closeArchiveEntry();
            return this;
        }

        Archive special(String name, byte type, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry("output/" + name, type);
            if (target != null) {
                entry.setLinkName(target);
            }
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        OutputScan extractTo(Path dest, int maxEntries, long maxBytes) throws IOException {
            tar.close();
            return OutputScan.extract(new ByteArrayInputStream(bytes.toByteArray()), dest, maxEntries, maxBytes);
        }
    }

    @Test
    void copiesRegularFilesReadableByAnySandboxUid() throws Exception {
        OutputScan scan = new Archive().file("features.parquet", 100).file("extra.json", 5).extractTo(dir, 64, 1000);

        assertThat(scan.overLimit()).isFalse();
        assertThat(scan.problem()).isNull();
        assertThat(scan.bytes()).isEqualTo(105);
        assertThat(scan.files()).containsExactly(new OutputFile("features.parquet", 100), new OutputFile("extra.json", 5));
        assertThat(Files.size(dir.resolve("features.parquet"))).isEqualTo(100);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("extra.json")))).isEqualTo("rw-r--r--");
    }

    @Test
    void stopsAtTheEntryLimit() throws Exception {
        Archive archive = new Archive();
        for (int i = 0; i < 500; i++) {
            archive.file("f" + i, 0);
        }
        OutputScan scan = archive.extractTo(dir, 64, 1000);

        assertThat(scan.overLimit()).isTrue();
        assertThat(scan.entries()).isEqualTo(65);
        assertThat(scan.limitDetail(64, 1000)).isEqualTo("output has more than 64 entries");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(64);
        }
    }

    @Test
    void stopsAtTheByteLimit() throws Exception {
        OutputScan scan = new Archive().file("a", 600).file("b", 600).extractTo(dir, 64, 1000);

        assertThat(scan.overLimit()).isTrue();
        assertThat(scan.limitDetail(64, 1000)).isEqualTo("output passed 1000 bytes");
        assertThat(Files.size(dir.resolve("b"))).isLessThanOrEqualTo(400);
    }

    @Test
    void flagsLinksFoldersAndSpecialFilesAndWritesNoneOfThem() throws Exception {
        assertThat(new Archive().special("link", TarConstants.LF_SYMLINK, "/etc/passwd").extractTo(dir, 64, 1000)
                .problem()).isEqualTo("symbolic link link");
        assertThat(new Archive().file("a", 1).special("b", TarConstants.LF_LINK, "output/a")
                .extractTo(Files.createDirectory(dir.resolve("h")), 64, 1000).problem()).isEqualTo("hard link b");
        assertThat(new Archive().special("fifo", TarConstants.LF_FIFO, null)
                .extractTo(Files.createDirectory(dir.resolve("f")), 64, 1000).problem()).isEqualTo("special file fifo");
        OutputScan sub = new Archive().file("a", 1).special("sub/", TarConstants.LF_DIR, null).file("sub/deeper", 3)
                .extractTo(Files.createDirectory(dir.resolve("s")), 64, 1000);
        assertThat(sub.problem()).isEqualTo("sub-folder sub");
        assertThat(sub.files()).containsExactly(new OutputFile("a", 1));
        assertThat(Files.exists(dir.resolve("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(dir.resolve("s/sub"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void purgeRemovesEverythingButTheDirectoryAndNeverFollowsLinks() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "keep");
        try {
            Files.createSymbolicLink(dir.resolve("link"), outside);
            Files.createDirectories(dir.resolve("sub/deeper"));
            Files.writeString(dir.resolve("sub/deeper/f"), "x");

            assertThat(OutputDirs.purgeContents(dir)).isTrue();

            try (var entries = Files.list(dir)) {
                assertThat(entries).isEmpty();
            }
            assertThat(Files.readString(outside)).isEqualTo("keep");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void outputDirMustBeFreshOrEmpty() throws Exception {
        Path output = dir.resolve("run/output");
        OutputDirs.prepareOutput(output);
        assertThat(Files.isDirectory(output)).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(output)))
                .isEqualTo("rwxr-xr-x");
        OutputDirs.prepareOutput(output); // empty: accepted

        Files.writeString(output.resolve("old"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputDirs.prepareOutput(output))
                .isInstanceOf(SandboxException.class).hasMessageContaining("not empty");
        Path link = Files.createSymbolicLink(dir.resolve("link"), output);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputDirs.prepareOutput(link))
                .isInstanceOf(SandboxException.class).hasMessageContaining("not a directory");
    }
}
