package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reclaimc doc}: golden POLICY.md, policy.json and a system's .dot for the 2019 seed pair
 * (in {@code src/test/resources/golden/doc/}; regenerate with
 * {@code ./mvnw -o -pl generator test -Dtest=DocCliTest -Dreclaim.golden.update=true}), determinism,
 * escaping of hostile doc comments, and the exit statuses.
 */
class DocCliTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/doc");
    private static final String SEED = "../examples/seed/";
    private static final String ESC = "src/test/resources/doc/escaping.reclaim";

    @TempDir
    Path dir;

    private static void compare(String name, Path actual) throws IOException {
        String text = Files.readString(actual, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        } else {
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text, name);
        }
    }

    @Test
    void seedPairMatchesGoldenAndIsDeterministic() throws IOException {
        Path out = dir.resolve("a/b");
        CliRun r = CliRun.of("doc", SEED + "seed_2019_buggy.reclaim", SEED + "seed_2019_noio_fix.reclaim", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("POLICY.md", "html", "layers.dot", "policy.json", "system-seed_2019_buggy.dot",
                    "system-seed_2019_noio_fix.dot"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(out.resolve("html"))) {
            assertEquals(List.of("index.html"), files.map(p -> p.getFileName().toString()).toList());
        }
        compare("POLICY.md", out.resolve("POLICY.md"));
        compare("policy.json", out.resolve("policy.json"));
        compare("system-seed_2019_buggy.dot", out.resolve("system-seed_2019_buggy.dot"));
        compare("index.html", out.resolve("html/index.html"));
        String first = Files.readString(out.resolve("POLICY.md"));
        String json = Files.readString(out.resolve("policy.json"));
        byte[] site = Files.readAllBytes(out.resolve("html/index.html"));
        CliRun again = CliRun.of("doc", SEED + "seed_2019_buggy.reclaim", SEED + "seed_2019_noio_fix.reclaim", "-o",
                out.toString());
        assertEquals(0, again.exit());
        assertEquals(first, Files.readString(out.resolve("POLICY.md")));
        assertEquals(json, Files.readString(out.resolve("policy.json")));
        assertArrayEquals(site, Files.readAllBytes(out.resolve("html/index.html")), "the site, ELK layout included");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(6, files.count(), "no temporary files left behind");
        }
        try (Stream<Path> files = Files.list(out.resolve("html"))) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void hostileDocCommentsAreEscaped() throws IOException {
        CliRun r = CliRun.of("doc", ESC, "-o", dir.toString());
        assertEquals(0, r.exit(), r.err());
        String md = Files.readString(dir.resolve("POLICY.md"));
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
        assertTrue(md.contains("\\`backticks\\`"), md);
        assertTrue(md.contains("\\| pipes \\|"), md);
        // table rows stay one line each: every row of the layer table has exactly its 5 unescaped pipes
        for (String line : md.split("\n")) {
            if (line.startsWith("| fs |") || line.startsWith("| KERNEL |")) {
                assertEquals(line.startsWith("| fs |") ? 5 : 4, unescapedPipes(line), line);
            }
        }
        // Mermaid blocks hold no user quotes, brackets, angle brackets or backticks
        String[] parts = md.split("```mermaid\n");
        for (int i = 1; i < parts.length; i++) {
            String block = parts[i].substring(0, parts[i].indexOf("```"));
            assertFalse(block.contains("<") || block.contains("`"), block);
        }
        String json = Files.readString(dir.resolve("policy.json"));
        assertTrue(json.contains("\"Doc with <script>alert(1)</script>, a comment end, `backticks`, | pipes |,\\n"),
                json);
        assertTrue(json.contains("\\\"quotes\\\""), json);
        String dot = Files.readString(dir.resolve("layers.dot"));
        assertTrue(dot.contains("tooltip=\"Layer doc: <script>x</script> | `tick` \\\"q\\\" \\\\ end\""), dot);
        assertFalse(dot.contains("\n\""), dot);
        String site = Files.readString(dir.resolve("html/index.html"));
        assertFalse(site.toLowerCase(java.util.Locale.ROOT).contains("<script"), site);
        assertTrue(site.contains("Doc with &lt;script&gt;alert(1)&lt;/script&gt;, a comment end, `backticks`, | pipes |,\n"),
                site);
        assertTrue(site.contains("&quot;quotes&quot; [brackets] and a backslash \\ across"), site);
        assertTrue(site.contains("Layer doc: &lt;script&gt;x&lt;/script&gt; | `tick` &quot;q&quot; \\ end"), site);
        assertTrue(site.contains("Device layer | `dev` &amp; co"), site);
        assertTrue(md.contains("Device layer \\| \\`dev\\` &amp; co"), md);
        // SVG labels and titles: the system's stack diagram names the hostile-free instance, escaped like any text
        assertTrue(site.contains("<title>Stack of esc_sys</title>"), site);
        // no attribute value is broken out of: every quote in the page belongs to markup
        assertFalse(site.contains("\"quotes\""), site);
    }

    @Test
    void escapeFunctions() {
        // '*/' cannot occur inside a doc comment (it ends it), so it is checked here directly
        assertEquals("a \\*/ &lt;script&gt; \\` \\| b c", dev.reclaim.doc.Escape.markdown("a */ <script> ` | b\nc"));
        assertEquals("#91;#34;x#34;#93; #60;s#62; #96; #35;", dev.reclaim.doc.Escape.mermaid("[\"x\"] <s> ` #"));
        assertEquals("a \\\"q\\\" \\\\ b", dev.reclaim.doc.Escape.dot("a \"q\" \\\nb"));
        assertEquals("a */ &lt;script&gt; ` | &quot;q&quot; &#39;x&#39; &amp;amp; b\nc d",
                dev.reclaim.doc.Escape.html("a */ <script> ` | \"q\" 'x' &amp; b\nc\u0000d"));
        assertEquals("&lt;/svg&gt; &amp; &quot; line", dev.reclaim.doc.Escape.htmlLine("</svg> & \"\nline"));
    }

    private static int unescapedPipes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    /** Broken and cyclic policies (layer and instance cycles, unknown names, syntax errors) and every example still document. */
    @Test
    void awkwardInputsStillGiveASite() throws IOException {
        List<Path> inputs = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/check"))) {
            files.filter(p -> p.toString().endsWith(".reclaim")).sorted().forEach(inputs::add);
        }
        try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
            files.filter(p -> p.toString().endsWith(".reclaim")).sorted().forEach(inputs::add);
        }
        for (dev.reclaim.findings.Rule rule : dev.reclaim.findings.Rule.values()) {
            Path bad = dir.resolve("rule-" + rule.id() + ".reclaim");
            Files.writeString(bad, dev.reclaim.doc.RuleExamples.bad(rule.id()));
            inputs.add(bad);
        }
        Path selfLoop = dir.resolve("self-loop.reclaim");
        Files.writeString(selfLoop, "policy p\nlayer a below a\nlayer b below a, b\nsystem s { a x on x }\n");
        inputs.add(selfLoop);
        for (Path in : inputs) {
            Path out = dir.resolve("out-" + in.getFileName().toString());
            CliRun r = CliRun.of("doc", in.toString(), "-o", out.toString());
            assertEquals(0, r.exit(), in + ": " + r.err());
            String site = Files.readString(out.resolve("html/index.html"));
            assertTrue(site.endsWith("</body>\n</html>\n"), in.toString());
            assertEquals(count(site, "<svg "), count(site, "</svg>"), in.toString());
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void replacesItsOwnFilesAndLeavesOthersAlone() throws IOException {
        Files.writeString(dir.resolve("POLICY.md"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("doc", ESC, "-o", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("POLICY.md")).startsWith("# Policy\n"));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("POLICY.md", "html", "layers.dot", "notes.txt", "policy.json", "system-esc_sys.dot"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void refusesARegularFileAsOutput() throws IOException {
        Path file = dir.resolve("out");
        Files.writeString(file, "keep");
        CliRun r = CliRun.of("doc", ESC, "-o", file.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("reclaimc: error: "), r.err());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void usageAndInputErrorsExitTwo() {
        CliRun noOut = CliRun.of("doc", ESC);
        assertEquals(2, noOut.exit(), noOut.err());
        CliRun missing = CliRun.of("doc", "src/test/resources/doc/missing.reclaim", "-o", dir.resolve("x").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
