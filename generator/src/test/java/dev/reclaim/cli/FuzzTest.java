package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.reclaim.bench.SyntheticStack;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;

/**
 * Random token streams and mutations of the bundled examples through the parser, the linker,
 * every check and every renderer (text, JSON, SARIF, JUnit; a baseline written, read back and
 * applied, which must leave nothing counted): nothing may throw, and every finding must have a location.
 * Seeded: a failure prints the seed and the input. A longer run by hand:
 * {@code ./mvnw -pl generator -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreclaim.fuzz.iterations=100000 -Dreclaim.fuzz.seed=7}.
 */
class FuzzTest {
    private static final String[] TOKENS = { "policy", "import", "permission", "context", "layer", "below",
        "guarded", "by", "system", "memory", "pages", "min", "low", "high", "expect", "deadlock", "no", "findings",
        "allow", "on", "served", "mutex", "rwsem", "in", "writer-preferring", "mempool", "size", "workqueue",
        "memreclaim", "thread", "kswapd", "serves", "task", "scope", "op", "shrinker", "unguarded", "count", "scan",
        "cache", "alloc", "free", "lock", "shared", "unlock", "trylock", "else", "stop", "write", "submit", "wait",
        "fill", "dirty", "clean", "call", "if", "queue", "take", "give", "none", "{", "}", "=", "+", "-", ",", "(",
        ")", ".", "\"layering\"", "\"why\"", "0", "1", "16", "999999999999", "KERNEL", "NOFS", "NOIO", "fs", "io",
        "direct", "dm", "block", "device", "sda", "loop0", "thin0", "xfs_host", "bufio_lock", "w", "x", "/**doc*/",
        "// c\n", "\n", "/*", "\"", "@", "é" };

    private static ReclaimCompiler compiler;
    private static List<String> corpus;

    @BeforeAll
    static void setUp() throws IOException {
        compiler = ReclaimCompiler.create();
        corpus = new ArrayList<>();
        Path examples = Path.of("../examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> s = Files.walk(examples)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".reclaim")).sorted().toList()) {
                    corpus.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        corpus.add(SyntheticStack.policy(2));
    }

    @org.junit.jupiter.api.io.TempDir
    Path baselineDir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void randomInputsNeverCrashAndAlwaysLocateTheirFindings() {
        long seed = Long.getLong("reclaim.fuzz.seed", 20261125L);
        int iterations = Integer.getInteger("reclaim.fuzz.iterations", 2_000);
        Random random = new Random(seed);
        Path where = Path.of("../examples/seed/fuzz-input.reclaim").toAbsolutePath();
        for (int i = 0; i < iterations; i++) {
            String input = i % 3 == 0 ? tokens(random) : mutate(corpus.get(random.nextInt(corpus.size())), random);
            try {
                FileReport report = compiler.checkSource(where, input);
                for (Reported r : report.findings()) {
                    assertTrue(r.finding().pos().line() >= 1 && r.finding().pos().column() >= 1,
                            () -> "finding without a location: " + r.finding());
                }
                new TextReport(true).render(List.of(report));
                new JsonReport().render(List.of(report));
                String sarif = new SarifReport(false).render(List.of(report));
                String junit = new JUnitReport().render(List.of(report));
                CiFormatsTest.xml(junit);
                Baseline base = Baseline.of(List.of(report));
                Path file = baselineDir.resolve("b.json");
                base.write(file);
                Baseline.Applied applied = Baseline.read(file).apply(List.of(report), "b.json");
                assertTrue(applied.stale().isEmpty(), "a fresh baseline has stale entries");
                assertTrue(Summary.of(applied.reports()).errors() == 0, "a fresh baseline leaves errors");
                if (i % 100 == 0) {
                    SarifSchema.assertValid(sarif);
                }
            } catch (Exception | AssertionError e) {
                fail("seed " + seed + ", input " + i + " failed: " + e + "\n--- input ---\n" + input, e);
            }
        }
    }

    private static String tokens(Random random) {
        StringBuilder b = new StringBuilder("policy p ");
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
            b.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "\n" : " ");
        }
        return b.toString();
    }

    /** One to three edits: delete, duplicate or move a span, insert a token, or truncate. */
    private static String mutate(String text, Random random) {
        String s = text;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int a = random.nextInt(s.length());
            int b = Math.min(s.length(), a + 1 + random.nextInt(40));
            switch (random.nextInt(5)) {
                case 0 -> s = s.substring(0, a) + s.substring(b);
                case 1 -> s = s.substring(0, b) + s.substring(a, b) + s.substring(b);
                case 2 -> s = s.substring(0, a) + " " + TOKENS[random.nextInt(TOKENS.length)] + " " + s.substring(a);
                case 3 -> s = s.substring(0, a);
                default -> {
                    String span = s.substring(a, b);
                    String rest = s.substring(0, a) + s.substring(b);
                    int at = random.nextInt(rest.length() + 1);
                    s = rest.substring(0, at) + span + rest.substring(at);
                }
            }
        }
        return s;
    }
}
