package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.reclaim.findings.Rule;

/**
 * {@code --format sarif} and {@code --format junit} of {@code check} and {@code simulate}: byte
 * for byte against {@code src/test/resources/golden/sarif/} and {@code .../junit/}, every SARIF
 * log validated against the published SARIF 2.1.0 schema, every JUnit file parsed as XML.
 *
 * <p>After an intended change: {@code ./mvnw -o -pl generator test -Dtest=CiFormatsTest
 * -Dreclaim.golden.update=true} and review the diff of the golden directories.
 */
class CiFormatsTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SEED = "../examples/seed/seed_2019_buggy.reclaim";
    private static final String WAIVER = "src/test/resources/check/waiver.reclaim";

    static void compare(String dir, String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(dir).resolve(name);
        byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; create it with -Dreclaim.golden.update=true and review it");
        }
        byte[] expected = Files.readAllBytes(file);
        assertEquals(new String(expected, StandardCharsets.UTF_8), actual, "output differs from " + file);
        assertArrayEquals(expected, bytes, "output differs from " + file);
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- SARIF

    @Test
    void checkSeedSarif() throws IOException {
        CliRun r = CliRun.of("check", "--format", "sarif", SEED);
        assertEquals("", r.err());
        assertEquals(Reclaimc.OK, r.exit());
        compare("sarif", "check_seed_2019_buggy.sarif", r.out());
        SarifSchema.assertValid(r.out());
        // Every rule is described; the five expected findings are results with an inSource suppression.
        assertTrue(r.out().contains("\"id\": \"" + Rule.UNUSED_WAIVER.id() + "\""), r.out());
        assertEquals(5, count(r.out(), "\"kind\": \"inSource\""));
        assertEquals(5, count(r.out(), "\"justification\": \"expect findings at line 26\""));
        assertEquals(5, count(r.out(), "\"fullyQualifiedName\": \""));
    }

    @Test
    void simulateSeedSarif() throws IOException {
        CliRun r = CliRun.of("simulate", "--format", "sarif", SEED);
        assertEquals(Reclaimc.OK, r.exit(), r.err());
        compare("sarif", "simulate_seed_2019_buggy.sarif", r.out());
        SarifSchema.assertValid(r.out());
        assertTrue(r.out().contains("\"kind\": \"pass\""), r.out());
        assertTrue(r.out().contains("\"ruleId\": \"simulation-verdict\""), r.out());
    }

    @Test
    void simulateFailedVerdictIsAnError() throws IOException {
        // seed_2019_buggy expects a deadlock; replaying a schedule that cannot reach it misses the expect.
        CliRun r = CliRun.of("simulate", "--format", "sarif", "--schedule", "1", SEED);
        assertEquals(Reclaimc.FINDINGS, r.exit(), r.err());
        SarifSchema.assertValid(r.out());
        assertTrue(r.out().contains("\"kind\": \"fail\""), r.out());
        assertTrue(r.out().contains("\"level\": \"error\""), r.out());
        assertTrue(r.out().contains("no deadlock but expected deadlock"), r.out());
    }

    @Test
    void waiversAreInSourceSuppressionsWithTheirReason() throws IOException {
        CliRun r = CliRun.of("check", "--format", "sarif", WAIVER);
        assertEquals(Reclaimc.OK, r.exit());
        SarifSchema.assertValid(r.out());
        assertEquals(3, count(r.out(), "\"kind\": \"inSource\""));
        assertTrue(r.out().contains("\"justification\": \"the guest is mounted read-only\""), r.out());
        assertFalse(r.out().contains("\"justification\": \"allow "), r.out());
        // Deterministic: the same bytes again.
        assertEquals(r.out(), CliRun.of("check", "--format", "sarif", WAIVER).out());
    }

    @Test
    void brokenInputIsValidSarif() throws IOException {
        for (String f : new String[] { "syntax_errors", "unknown_names", "cycles", "expect_fails" }) {
            CliRun r = CliRun.of("check", "--format", "sarif", "src/test/resources/check/" + f + ".reclaim");
            assertEquals(Reclaimc.FINDINGS, r.exit(), f);
            SarifSchema.assertValid(r.out());
        }
    }

    @Test
    void schemaRejectsWhatIsNotSarif() throws IOException {
        String ok = CliRun.of("check", "--format", "sarif", SEED).out();
        assertFalse(SarifSchema.violations(ok.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")).isEmpty());
        assertFalse(SarifSchema.violations(ok.replace("\"level\": \"error\"", "\"level\": \"fatal\"")).isEmpty());
        assertFalse(SarifSchema.violations(ok.replace("\"startLine\": 53", "\"startLine\": 0")).isEmpty());
    }

    @Test
    void uriEncoding() {
        assertEquals("a%20b/c%3Ad%C3%A9.reclaim", SarifReport.encode("a b/c:d\u00e9.reclaim"));
        assertEquals("../examples/x.reclaim", SarifReport.encode("../examples/x.reclaim"));
    }

    // ---------------------------------------------------------------- JUnit XML

    @Test
    void checkSeedJUnit() throws Exception {
        CliRun r = CliRun.of("check", "--format", "junit", SEED);
        assertEquals("", r.err());
        assertEquals(Reclaimc.OK, r.exit());
        compare("junit", "check_seed_2019_buggy.xml", r.out());
        Document d = xml(r.out());
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(Rule.values().length, cases.getLength(), "one test case per rule for the one system");
        assertEquals(0, d.getElementsByTagName("failure").getLength(), "expected findings pass");
    }

    @Test
    void checkFailuresInJUnit() throws Exception {
        CliRun r = CliRun.of("check", "--format", "junit", "src/test/resources/check/cycles.reclaim",
                "src/test/resources/check/syntax_errors.reclaim");
        assertEquals(Reclaimc.FINDINGS, r.exit());
        Document d = xml(r.out());
        assertEquals(2, d.getElementsByTagName("testsuite").getLength());
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList failures = d.getElementsByTagName("failure");
        assertTrue(failures.getLength() >= 2, r.out());
        assertEquals(Integer.toString(failures.getLength()), root.getAttribute("failures"));
        // File-level findings (syntax errors) are a test case of the file, named by the rule.
        boolean syntax = false;
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("syntax")
                    && c.getAttribute("classname").equals("src/test/resources/check/syntax_errors.reclaim")) {
                syntax = true;
                assertEquals(1, c.getElementsByTagName("failure").getLength());
            }
        }
        assertTrue(syntax, r.out());
    }

    @Test
    void simulateSeedJUnit() throws Exception {
        CliRun r = CliRun.of("simulate", "--format", "junit", SEED);
        assertEquals(Reclaimc.OK, r.exit(), r.err());
        compare("junit", "simulate_seed_2019_buggy.xml", r.out());
        Document d = xml(r.out());
        assertEquals(1, d.getElementsByTagName("testcase").getLength());
        assertEquals(0, d.getElementsByTagName("failure").getLength());
        CliRun miss = CliRun.of("simulate", "--format", "junit", "--schedule", "1", SEED);
        assertEquals(Reclaimc.FINDINGS, miss.exit());
        Element failure = (Element) xml(miss.out()).getElementsByTagName("failure").item(0);
        assertEquals("no deadlock but expected deadlock", failure.getAttribute("message"));
    }

    @Test
    void xmlEscaping() throws Exception {
        String nasty = "<script>alert('x')</script> & \"q\" */ `tick` | pipe\nline2\u0001\uD800end";
        assertEquals("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot; */ `tick` | pipe&#10;line2"
                + "\uFFFD\uFFFDend", JUnitReport.escape(nasty));
        String doc = "<a b=\"" + JUnitReport.escape(nasty) + "\">" + JUnitReport.text(nasty) + "</a>";
        Element a = xml(doc).getDocumentElement();
        String clean = nasty.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD');
        assertEquals(clean, a.getAttribute("b"));
        assertEquals(clean, a.getTextContent());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
