package io.subnet2.validator.dataset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.subnet2.validator.dataset.DatasetLayout;
import io.subnet2.validator.dataset.GenerationRequest;

class AtomicDirectoryTest {

    @TempDir
    Path parent;

    private long entries() throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            return files.count();
        }
    }

    @Test
    void failureWhileWritingADatasetLeavesNoFolderBehind() throws IOException {
        Path target = parent.resolve("dataset");
        Path[] seenTemp = new Path[1];
        assertThatThrownBy(() -> AtomicDirectory.publish(target, folder -> {
            seenTemp[0] = folder;
            DatasetWriter.write(folder, GenerationRequest.of(target, 3, 2_000)); // a complete dataset...
            assertThat(new DatasetLayout(folder).transfers()).isRegularFile();
            assertThat(target).doesNotExist();                                 // ...invisible until renamed
            throw new IOException("disk full");                                // ...then a failure
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(AtomicDirectory.isTemporary(seenTemp[0])).isTrue();
        assertThat(seenTemp[0]).doesNotExist();
        assertThat(target).doesNotExist();
        assertThat(entries()).isZero();
    }

    @Test
    void runtimeFailureIsCleanedUpToo() throws IOException {
        Path target = parent.resolve("d");
        assertThatThrownBy(() -> AtomicDirectory.publish(target, folder -> {
            Files.writeString(folder.resolve("half"), "x");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entries()).isZero();
    }

    @Test
    void successRenamesIntoPlaceAndAnExistingTargetIsRefused() throws IOException {
        Path target = parent.resolve("d");
        String result = AtomicDirectory.publish(target, folder -> {
            Files.writeString(folder.resolve("file"), "one");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(Files.readString(target.resolve("file"))).isEqualTo("one");
        assertThatThrownBy(() -> AtomicDirectory.publish(target, folder -> {
            Files.writeString(folder.resolve("file"), "two");
            return null;
        })).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target.resolve("file"))).isEqualTo("one");
        assertThat(entries()).isEqualTo(1);
    }
}
