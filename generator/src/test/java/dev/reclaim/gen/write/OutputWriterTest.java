package dev.reclaim.gen.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer alone: confinement to the roots, all-or-nothing refusal, atomic replacement, no rewrite of equal files. */
class OutputWriterTest {
    @TempDir
    Path dir;

    private static OutputWriter.Target target(Path root, String rel, String text) {
        return new OutputWriter.Target(root, rel, text);
    }

    @Test
    void aPathOutsideTheRootRefusesTheWholeRun() {
        Path root = dir.resolve("out");
        for (String evil : List.of("../evil.java", "a/../../evil.java", dir.resolve("abs.java").toString(), "")) {
            OutputWriter.WriteException e = assertThrows(OutputWriter.WriteException.class,
                    () -> new OutputWriter().write(List.of(target(root, "a/Good.java", "x"), target(root, evil, "y"))));
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
        }
        assertFalse(Files.exists(root), "nothing was written, not even the good file");
        assertFalse(Files.exists(dir.resolve("evil.java")));
        assertFalse(Files.exists(dir.resolve("abs.java")));
    }

    @Test
    void aSymbolicLinkLeadingOutsideIsRefused() throws IOException {
        Path root = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("pkg"), elsewhere);
        assertThrows(OutputWriter.WriteException.class,
                () -> new OutputWriter().write(List.of(target(root, "pkg/A.java", "x"))));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void replacesChangedFilesAndLeavesEqualOnes() throws Exception {
        Path root = dir.resolve("out");
        OutputWriter.Outcome first = new OutputWriter().write(List.of(target(root, "p/A.java", "a"),
                target(root, "p/B.java", "b")));
        assertEquals(new OutputWriter.Outcome(2, 0), first);
        OutputWriter.Outcome second = new OutputWriter().write(List.of(target(root, "p/A.java", "a"),
                target(root, "p/B.java", "b2")));
        assertEquals(new OutputWriter.Outcome(1, 1), second);
        assertEquals("b2", Files.readString(root.resolve("p/B.java")));
        try (Stream<Path> s = Files.list(root.resolve("p"))) {
            assertEquals(List.of("A.java", "B.java"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
