package dev.reclaim.dsl.ide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the bundled seed examples are, found upwards from the working directory (module or root). */
public final class SeedFiles {
    private SeedFiles() {
    }

    public static Path directory() throws IOException {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path seeds = dir.resolve("examples/seed");
            if (Files.isRegularFile(seeds.resolve("seed_2019_buggy.reclaim"))) {
                return seeds;
            }
            dir = dir.getParent();
        }
        throw new IOException("examples/seed not found above " + Paths.get("").toAbsolutePath());
    }
}
