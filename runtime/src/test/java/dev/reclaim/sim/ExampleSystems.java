package dev.reclaim.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.reclaim.model.SystemModel;
import dev.reclaim.testing.TestSystems;

/**
 * Reads one system of an example file with {@link TestSystems} (runtime tests cannot use the DSL
 * front end): block comments are blanked out, keeping line numbers, and the {@code system NAME
 * { ... }} block is cut out by brace matching. Paths resolve from the runtime module directory.
 */
final class ExampleSystems {
    private ExampleSystems() {
    }

    /** The examples directory: ../examples from a module directory, examples from the repository root. */
    static Path dir() {
        Path up = Path.of("..", "examples");
        return Files.isDirectory(up) ? up : Path.of("examples");
    }

    static SystemModel load(String file, String system) {
        String text;
        try {
            text = Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder b = new StringBuilder(text);
        for (int i = b.indexOf("/*"); i >= 0; i = b.indexOf("/*", i)) {
            int end = b.indexOf("*/", i) + 2;
            for (int k = i; k < end; k++) {
                if (b.charAt(k) != '\n') {
                    b.setCharAt(k, ' ');
                }
            }
        }
        // the simulator does not need them, and TestSystems does not read "expect findings none"
        String s = b.toString().replaceAll("expect findings[^\n]*", "");
        int start = s.indexOf("system " + system + " ");
        if (start < 0) {
            throw new IllegalArgumentException("no system " + system + " in " + file);
        }
        int depth = 0;
        int end = s.indexOf('{', start);
        do {
            char c = s.charAt(end++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        } while (depth > 0);
        String lines = "\n".repeat((int) s.substring(0, start).chars().filter(c -> c == '\n').count());
        return TestSystems.parse(lines + s.substring(start, end));
    }
}
