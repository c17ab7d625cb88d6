package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The text and JSON reports of {@code reclaimc simulate} for the seed case and its fix, compared
 * byte for byte with {@code src/test/resources/golden/simulate/}. The reports carry no timings, so
 * they are stable; paths read {@code ../examples/...} because Surefire runs in the module directory.
 *
 * <p>After an intended change of the output: {@code ./mvnw -o -pl generator test
 * -Dtest=SimulateGoldenTest -Dreclaim.golden.update=true}, then review {@code git diff} of the
 * golden directory. In update mode the files are rewritten instead of compared.
 */
class SimulateGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/simulate");
    private static final String SEED = "../examples/seed/";

    private static void golden(String name, int exit) throws IOException {
        String file = SEED + name + ".reclaim";
        CliRun text = CliRun.of("simulate", file);
        CliRun json = CliRun.of("simulate", "--format", "json", file);
        assertEquals(exit, text.exit(), text.err());
        assertEquals(exit, json.exit(), json.err());
        assertEquals("", text.err());
        compare(name + ".txt", text.out());
        compare(name + ".json", json.out());
    }

    private static void compare(String name, String actual) throws IOException {
        Path f = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(f, StandardCharsets.UTF_8), actual,
                name + " differs; if intended, rerun with -Dreclaim.golden.update=true and review the diff");
    }

    @Test
    void seed2019Buggy() throws IOException {
        golden("seed_2019_buggy", Reclaimc.OK);
    }

    @Test
    void seed2019NoioFix() throws IOException {
        golden("seed_2019_noio_fix", Reclaimc.OK);
    }
}
