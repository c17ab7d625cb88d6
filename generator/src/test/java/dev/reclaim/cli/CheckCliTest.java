package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reclaimc check} end to end, in-process through {@link Reclaimc#run}: the exact text and
 * JSON output for the seed examples and for broken policies, compared byte for byte with golden
 * files in {@code src/test/resources/golden/check/}, and the exit status (0 without active errors,
 * 1 with, 2 for input the compiler cannot read or a bad command line, with one line on stderr).
 *
 * <p>The tests run in the generator module (Surefire's working directory) and pass relative paths,
 * so locations in the output read {@code ../examples/seed/...} and
 * {@code src/test/resources/check/...} on every machine. Inputs that are not examples live in
 * {@code src/test/resources/check/}.
 *
 * <p>To regenerate the golden files after an intended change of the output, run
 * {@code ./mvnw -o -pl generator test -Dtest=CheckCliTest -Dreclaim.golden.update=true} and review
 * the diff ({@code git diff generator/src/test/resources/golden/check}) before keeping it: in update
 * mode the files are rewritten instead of compared (exit codes and stderr are still asserted).
 */
class CheckCliTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/check");
    private static final String INPUTS = "src/test/resources/check/";
    private static final String SEED = "../examples/seed/";

    @TempDir
    Path dir;

    private static String[] args(List<String> options, List<String> files) {
        List<String> all = new ArrayList<>();
        all.add("check");
        all.addAll(options);
        all.addAll(files);
        return all.toArray(String[]::new);
    }

    /**
     * Checks {@code files} as text (with {@code textOptions}) and as JSON, compares both outputs
     * with {@code name.txt} and {@code name.json}, and asserts the exit status of both runs.
     */
    private static void golden(String name, int exit, List<String> textOptions, String... files) throws IOException {
        CliRun text = CliRun.of(args(textOptions, List.of(files)));
        List<String> json = new ArrayList<>(List.of("--format", "json"));
        json.addAll(textOptions);
        CliRun js = CliRun.of(args(json, List.of(files)));
        compare(name + ".txt", text.out());
        compare(name + ".json", js.out());
        assertEquals("", text.err(), "stderr of the text run");
        assertEquals("", js.err(), "stderr of the JSON run");
        assertEquals(exit, text.exit(), "exit status of the text run");
        assertEquals(exit, js.exit(), "exit status of the JSON run");
    }

    private static void golden(String name, int exit, String... files) throws IOException {
        golden(name, exit, List.of(), files);
    }

    private static void compare(String goldenName, String actual) throws IOException {
        Path file = GOLDEN.resolve(goldenName);
        byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.write(file, bytes);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; create it with -Dreclaim.golden.update=true and review it");
        }
        byte[] expected = Files.readAllBytes(file);
        // The string comparison shows a readable diff; the byte comparison is the contract.
        assertEquals(new String(expected, StandardCharsets.UTF_8), actual, "output differs from " + file);
        assertArrayEquals(expected, bytes, "output differs from " + file);
    }

    // ---------------------------------------------------------------- golden outputs

    @Test
    void seed2019Buggy() throws IOException {
        golden("seed_2019_buggy", Reclaimc.OK, SEED + "seed_2019_buggy.reclaim");
    }

    @Test
    void seed2020Mikulas() throws IOException {
        golden("seed_2020_mikulas", Reclaimc.OK, SEED + "seed_2020_mikulas.reclaim");
    }

    @Test
    void allSeedFilesAtOnce() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of(SEED))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".reclaim")).sorted()
                    .map(n -> SEED + n).toList();
        }
        assertEquals(7, files.size(), files.toString());
        golden("seed_all", Reclaimc.OK, files.toArray(String[]::new));
    }

    @Test
    void syntaxErrors() throws IOException {
        golden("syntax_errors", Reclaimc.FINDINGS, INPUTS + "syntax_errors.reclaim");
    }

    @Test
    void unknownNamesWithSuggestions() throws IOException {
        golden("unknown_names", Reclaimc.FINDINGS, INPUTS + "unknown_names.reclaim");
    }

    @Test
    void layerAndInstanceCycles() throws IOException {
        golden("cycles", Reclaimc.FINDINGS, INPUTS + "cycles.reclaim");
    }

    @Test
    void failingExpectFindings() throws IOException {
        golden("expect_fails", Reclaimc.FINDINGS, INPUTS + "expect_fails.reclaim");
    }

    @Test
    void waiverHiddenByDefault() throws IOException {
        golden("waiver", Reclaimc.OK, INPUTS + "waiver.reclaim");
    }

    @Test
    void waiverListedWithVerbose() throws IOException {
        golden("waiver_verbose", Reclaimc.OK, List.of("--verbose"), INPUTS + "waiver.reclaim");
    }

    @Test
    void verboseOnlyAddsTheWaivedFindings() {
        CliRun plain = CliRun.of("check", INPUTS + "waiver.reclaim");
        CliRun verbose = CliRun.of("check", "-v", INPUTS + "waiver.reclaim");
        assertTrue(verbose.out().length() > plain.out().length(), verbose.out());
        assertTrue(verbose.out().contains("   = allow \""), verbose.out());
        assertFalse(plain.out().contains("   = allow \""), plain.out());
        // The summary line is the same: waived findings are counted either way.
        assertEquals(lastLine(plain.out()), lastLine(verbose.out()));
        // JSON always lists waived findings, with their status.
        assertEquals(CliRun.of("check", "--format", "json", INPUTS + "waiver.reclaim").out(),
                CliRun.of("check", "--format", "json", "--verbose", INPUTS + "waiver.reclaim").out());
    }

    private static String lastLine(String s) {
        String[] lines = s.split("\n");
        return lines[lines.length - 1];
    }

    // ---------------------------------------------------------------- bad input and usage

    private static void usage(String expectedErr, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(expectedErr, r.err(), "stderr");
        assertEquals("", r.out(), "stdout");
        assertEquals(Reclaimc.USAGE, r.exit(), "exit status");
        assertFalse(r.err().contains("\tat "), "a stack trace on stderr");
        assertFalse(r.err().contains("Exception"), "an exception name on stderr");
    }

    @Test
    void missingFile() {
        usage("reclaimc: error: cannot read 'src/test/resources/check/nothere.reclaim': no such file\n",
                "check", INPUTS + "nothere.reclaim");
    }

    @Test
    void missingFileAmongGoodOnesChecksNothing() {
        usage("reclaimc: error: cannot read 'nothere.reclaim': no such file\n",
                "check", SEED + "seed_2019_buggy.reclaim", "nothere.reclaim");
    }

    @Test
    void directory() {
        usage("reclaimc: error: cannot read '../examples/seed': it is a directory\n", "check", "../examples/seed");
    }

    @Test
    void notUtf8() throws IOException {
        Path f = dir.resolve("latin1.reclaim");
        Files.write(f, "policy caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        usage("reclaimc: error: cannot read '" + f + "': it is not UTF-8 text\n", "check", f.toString());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = dir.resolve("empty.reclaim");
        Files.write(f, new byte[0]);
        usage("reclaimc: error: cannot read '" + f + "': the file is empty\n", "check", f.toString());
    }

    @Test
    void binaryFile() throws IOException {
        Path f = dir.resolve("binary.reclaim");
        Files.write(f, new byte[] { 'p', 'o', 'l', 'i', 'c', 'y', ' ', 'p', 0, 0, 1, 2, '\n' });
        usage("reclaimc: error: cannot read '" + f + "': it is a binary file (contains NUL bytes)\n", "check",
                f.toString());
    }

    @Test
    void noFileArgument() {
        usage("reclaimc: error: Missing required parameter: 'FILE'\nusage: reclaimc check --help\n", "check");
    }

    @Test
    void unknownOption() {
        usage("reclaimc: error: Unknown option: '--frobnicate'\nusage: reclaimc check --help\n", "check",
                "--frobnicate", SEED + "seed_2019_buggy.reclaim");
    }

    @Test
    void unknownFormat() {
        usage("reclaimc: error: Invalid value for option '--format': expected one of [text, json, sarif, junit] (case-sensitive)"
                + " but was 'xml'\nusage: reclaimc check --help\n", "check", "--format", "xml",
                SEED + "seed_2019_buggy.reclaim");
    }

    @Test
    void noCommand() {
        usage("reclaimc: error: missing command (try 'reclaimc check FILE')\nusage: reclaimc --help\n");
    }

    @Test
    void help() {
        CliRun r = CliRun.of("check", "--help");
        assertEquals(Reclaimc.OK, r.exit());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Usage: reclaimc check "), r.out());
        assertTrue(r.out().contains("--format=<format>"), r.out());
        assertTrue(r.out().contains("--verbose"), r.out());
        CliRun top = CliRun.of("--help");
        assertEquals(Reclaimc.OK, top.exit());
        assertEquals("", top.err());
        assertTrue(top.out().startsWith("Usage: reclaimc "), top.out());
        assertTrue(top.out().contains("check"), top.out());
    }
}
