package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reclaimc check --baseline FILE [--update-baseline | --strict-baseline]}: the round trip
 * on a copy of {@code src/test/resources/baseline/stack.reclaim} (three active findings on its
 * loop worker) that the tests edit: a new finding fails alone, moved lines and fixed findings do
 * not fail, stale entries fail only in strict mode, and a bad baseline file is a usage error. The
 * baseline file written for the stack is compared with {@code golden/baseline/stack.json}.
 */
class BaselineCliTest {
    private static final Path STACK = Path.of("src/test/resources/baseline/stack.reclaim");

    @TempDir
    Path dir;

    private Path policy;
    private Path baseline;
    private String original;

    @BeforeEach
    void setUp() throws IOException {
        policy = dir.resolve("stack.reclaim");
        baseline = dir.resolve("reclaim-baseline.json");
        original = Files.readString(STACK, StandardCharsets.UTF_8);
        Files.writeString(policy, original, StandardCharsets.UTF_8);
    }

    private CliRun check(String... options) {
        String[] args = Stream.concat(Stream.concat(Stream.of("check"), Stream.of(options)),
                Stream.of(policy.toString())).toArray(String[]::new);
        return CliRun.of(args);
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(policy, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(policy, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private void update() throws IOException {
        CliRun r = check("--baseline", baseline.toString(), "--update-baseline");
        assertEquals(Reclaimc.OK, r.exit(), r.err());
        assertEquals("reclaimc: wrote baseline '" + baseline + "' with 3 findings\n", r.err());
        assertTrue(r.out().endsWith("(0 expected, 0 waived, 3 baselined)\n"), r.out());
    }

    @Test
    void updateWritesASortedStableFile() throws IOException {
        assertEquals(Reclaimc.FINDINGS, check().exit(), "the stack fails without a baseline");
        update();
        String first = Files.readString(baseline, StandardCharsets.UTF_8);
        CiFormatsTest.compare("baseline", "stack.json", first);
        // Again: the same bytes, and nothing but the baseline and the policy in the directory.
        update();
        assertEquals(first, Files.readString(baseline, StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("reclaim-baseline.json", "stack.reclaim"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        CliRun r = check("--baseline", baseline.toString());
        assertEquals(Reclaimc.OK, r.exit(), r.out());
        assertEquals("", r.err());
        assertEquals("checked 1 file, 1 system: 0 errors, 0 warnings, 0 notes (0 expected, 0 waived, 3 baselined)\n",
                r.out());
    }

    @Test
    void onlyTheNewFindingsAreReported() throws IOException {
        update();
        edit("    shrinker guest_writeback", """
                    thread writer task {
                        lock guest_lock
                        alloc 1 KERNEL
                        unlock guest_lock
                    }

                    shrinker guest_writeback""".stripIndent().replace("\n    ", "\n    "));
        CliRun r = check("--baseline", baseline.toString());
        assertEquals(Reclaimc.FINDINGS, r.exit(), r.out());
        assertEquals("", r.err());
        List<String> heads = r.out().lines().filter(l -> l.matches("^(error|warning|note)\\[.*")).toList();
        assertEquals(2, heads.size(), r.out());
        assertTrue(heads.get(0).startsWith("error[reclaim-cycle]: loop_worker"), heads.toString());
        assertTrue(heads.get(1).startsWith("error[reclaim-recursion]: writer"), heads.toString());
        assertTrue(r.out().endsWith("2 errors, 0 warnings, 0 notes (0 expected, 0 waived, 3 baselined)\n"), r.out());
        // --verbose also lists the baselined ones, with what covers them.
        CliRun v = check("--verbose", "--baseline", baseline.toString());
        assertEquals(5, v.out().lines().filter(l -> l.matches("^(error|warning|note)\\[.*")).count(), v.out());
        assertTrue(v.out().contains("   = in baseline " + baseline + "\n"), v.out());
        // JSON: the statuses; SARIF: baselineState and an external suppression, still schema-valid.
        CliRun js = check("--format", "json", "--baseline", baseline.toString());
        assertEquals(3, js.out().split("\"status\": \"baselined\"", -1).length - 1, js.out());
        assertEquals(2, js.out().split("\"status\": \"active\"", -1).length - 1, js.out());
        CliRun sarif = check("--format", "sarif", "--baseline", baseline.toString());
        assertEquals(Reclaimc.FINDINGS, sarif.exit());
        SarifSchema.assertValid(sarif.out());
        assertEquals(3, sarif.out().split("\"baselineState\": \"unchanged\"", -1).length - 1);
        assertEquals(2, sarif.out().split("\"baselineState\": \"new\"", -1).length - 1);
        assertEquals(3, sarif.out().split("\"kind\": \"external\"", -1).length - 1);
    }

    @Test
    void movingCodeKeepsFindingsBaselined() throws IOException {
        update();
        edit("system legacy {", "// moved\n// down\n// three lines\nsystem legacy {");
        edit("    thread loop_worker", "    device sdb\n\n    thread loop_worker");
        CliRun r = check("--baseline", baseline.toString(), "--strict-baseline");
        assertEquals(Reclaimc.OK, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
    }

    @Test
    void fixedFindingsNeverFailButAreStaleInStrictMode() throws IOException {
        update();
        edit("        alloc 1 KERNEL\n        write sda\n        free 1\n", "        write sda\n");
        assertEquals(Reclaimc.OK, check().exit(), "the fix removes every finding");
        CliRun r = check("--baseline", baseline.toString());
        assertEquals(Reclaimc.OK, r.exit(), r.out());
        assertEquals("", r.err());
        CliRun strict = check("--baseline", baseline.toString(), "--strict-baseline");
        assertEquals(Reclaimc.FINDINGS, strict.exit());
        List<String> stale = strict.err().lines().toList();
        assertEquals(3, stale.size(), strict.err());
        for (String line : stale) {
            assertTrue(line.startsWith("reclaimc: error: stale baseline entry: ["), line);
            assertTrue(line.contains("] legacy/thread loop_worker: loop_worker"), line);
        }
        // Updating drops the stale entries.
        CliRun up = check("--baseline", baseline.toString(), "--update-baseline");
        assertEquals(Reclaimc.OK, up.exit());
        assertEquals("{\n  \"version\": 1,\n  \"entries\": []\n}\n", Files.readString(baseline, StandardCharsets.UTF_8));
        assertEquals(Reclaimc.OK, check("--baseline", baseline.toString(), "--strict-baseline").exit());
    }

    @Test
    void twoFindingsWithOneKeyAreCounted() throws IOException {
        Baseline.Entry e = new Baseline.Entry(new FindingKey("layering", "s/thread t", "0123456789abcdef"), 2, "m");
        assertEquals(2, e.count());
        // Positions in a message do not change its hash; other words do.
        assertEquals(FindingKey.hash("duplicate name 'sda' (first declared at line 12)"),
                FindingKey.hash("duplicate name 'sda' (first declared at line 40)"));
        assertFalse(FindingKey.hash("duplicate name 'sda'").equals(FindingKey.hash("duplicate name 'sdb'")));
    }

    // ---------------------------------------------------------------- bad baselines

    private void bad(String expectedErr, String... options) {
        CliRun r = check(options);
        assertEquals(expectedErr, r.err(), "stderr");
        assertEquals("", r.out(), "stdout");
        assertEquals(Reclaimc.USAGE, r.exit());
    }

    private void badFile(String content, String reason) throws IOException {
        Files.writeString(baseline, content, StandardCharsets.UTF_8);
        bad("reclaimc: error: cannot read baseline '" + baseline + "': " + reason + "\n", "--baseline",
                baseline.toString());
    }

    @Test
    void missingBaseline() {
        bad("reclaimc: error: cannot read baseline '" + baseline
                + "': no such file (create it with --update-baseline)\n", "--baseline", baseline.toString());
    }

    @Test
    void malformedBaselines() throws IOException {
        badFile("{", "not valid JSON: expected a field name at offset 1");
        badFile("", "not valid JSON: unexpected end of input at offset 0");
        badFile("[]", "not a reclaimc baseline: the top level is not an object");
        badFile("{\"version\": 2, \"entries\": []}", "not a reclaimc baseline: \"version\" must be 1");
        badFile("{\"version\": 1}", "not a reclaimc baseline: \"entries\" must be an array");
        badFile("{\"version\": 1, \"entries\": [{\"ruleId\": \"layering\", \"declaration\": \"x\", \"hash\": \"zz\","
                + " \"count\": 1}]}", "not a reclaimc baseline: entries[0].hash must be 16 lowercase hex digits");
        badFile("{\"version\": 1, \"entries\": [{\"ruleId\": \"layering\", \"declaration\": \"x\", "
                + "\"hash\": \"0123456789abcdef\", \"count\": 0}]}",
                "not a reclaimc baseline: entries[0].count must be a positive integer");
        Files.write(baseline, new byte[] { '{', (byte) 0xff, '}' });
        bad("reclaimc: error: cannot read baseline '" + baseline + "': it is not UTF-8 text\n", "--baseline",
                baseline.toString());
    }

    @Test
    void directoryAsBaseline() {
        bad("reclaimc: error: cannot read baseline '" + dir + "': it is a directory\n", "--baseline", dir.toString());
        bad("reclaimc: error: cannot write baseline '" + dir + "': it is a directory\n", "--baseline", dir.toString(),
                "--update-baseline");
    }

    @Test
    void baselineOptionsNeedAFile() {
        bad("reclaimc: error: --update-baseline needs --baseline FILE\nusage: reclaimc check --help\n",
                "--update-baseline");
        bad("reclaimc: error: --strict-baseline needs --baseline FILE\nusage: reclaimc check --help\n",
                "--strict-baseline");
        bad("reclaimc: error: --update-baseline and --strict-baseline cannot be combined\n"
                + "usage: reclaimc check --help\n", "--baseline", baseline.toString(), "--update-baseline",
                "--strict-baseline");
    }
}
