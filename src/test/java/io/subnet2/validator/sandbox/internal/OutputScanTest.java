package io.subnet2.validator.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxResult.OutputFile;

class OutputScanTest {

    @TempDir
    Path dir;

    @Test
    void listsRegularFiles() throws Exception {
        Files.write(dir.resolve("features.parquet"), new byte[100]);
        Files.write(dir.resolve("extra.json"), new byte[5]);

        OutputScan scan = OutputScan.scan(dir, 64, 1000);

        assertThat(scan.overLimit()).isFalse();
        assertThat(scan.problem()).isNull();
        assertThat(scan.bytes()).isEqualTo(105);
        assertThat(scan.files()).containsExactlyInAnyOrder(new OutputFile("features.parquet", 100),
                new OutputFile("extra.json", 5));
    }

    @Test
    void stopsAtTheEntryLimitWithoutReadingEverything() throws Exception {
        for (int i = 0; i < 500; i++) {
            Files.createFile(dir.resolve("f" + i));
        }
        OutputScan scan = OutputScan.scan(dir, 64, 1000);

        assertThat(scan.overLimit()).isTrue();
        assertThat(scan.entries()).isEqualTo(65);
        assertThat(scan.limitDetail(64, 1000)).isEqualTo("output has more than 64 entries");
    }

    @Test
    void stopsAtTheByteLimit() throws Exception {
        Files.write(dir.resolve("a"), new byte[600]);
        Files.write(dir.resolve("b"), new byte[600]);

        OutputScan scan = OutputScan.scan(dir, 64, 1000);

        assertThat(scan.overLimit()).isTrue();
        assertThat(scan.limitDetail(64, 1000)).isEqualTo("output passed 1000 bytes");
    }

    @Test
    void flagsLinksFoldersAndHardLinksWithoutFollowingThem() throws Exception {
        Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/passwd"));
        assertThat(OutputScan.scan(dir, 64, 1000).problem()).isEqualTo("symbolic link link");
        Files.delete(dir.resolve("link"));

        Files.writeString(dir.resolve("a"), "x");
        Files.createLink(dir.resolve("b"), dir.resolve("a"));
        assertThat(OutputScan.scan(dir, 64, 1000).problem()).startsWith("hard link").endsWith("(2 links)");
        Files.delete(dir.resolve("b"));

        Files.createDirectories(dir.resolve("sub/deeper"));
        OutputScan scan = OutputScan.scan(dir, 64, 1000);
        assertThat(scan.problem()).isEqualTo("sub-folder sub");
        assertThat(scan.files()).containsExactly(new OutputFile("a", 1));
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
        assertThat(Files.getAttribute(output, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isIn(0, 65534);
        OutputDirs.prepareOutput(output); // empty: accepted

        Files.writeString(output.resolve("old"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputDirs.prepareOutput(output))
                .isInstanceOf(SandboxException.class).hasMessageContaining("not empty");
        Path link = Files.createSymbolicLink(dir.resolve("link"), output);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputDirs.prepareOutput(link))
                .isInstanceOf(SandboxException.class).hasMessageContaining("not a directory");
    }
}
