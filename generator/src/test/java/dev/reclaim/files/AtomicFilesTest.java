package dev.reclaim.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewFileIsWorldReadableLikeAnyOtherAndItsFolderIsCreated() throws IOException {
        Path target = dir.resolve("a/b/POLICY.md");
        AtomicFiles.replace(target, bytes("new"));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndNoTemporaryFileIsLeft() throws IOException {
        Path target = dir.resolve("baseline.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.replace(target, bytes("new"));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.replace(target, bytes("x")));
        assertEquals("'" + target + "' is a directory", e.getMessage());
        assertTrue(Files.isDirectory(target));
    }
}
