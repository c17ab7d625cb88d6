package dev.reclaim.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's bad and good example, run through the real checker as files on disk (as
 * {@code reclaimc check} reads them): the bad one's active findings are all of that rule (and
 * there is at least one), the good one has no active finding at all. So the examples that POLICY.md,
 * the HTML site and docs/RULES.md show cannot rot. Also keeps the examples section of
 * docs/RULES.md equal to the examples (regenerate with {@code -Dreclaim.golden.update=true}).
 */
class RuleExamplesTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path RULES_MD = Path.of("../docs/RULES.md");
    private static final String BEGIN = "<!-- rule examples: generated from generator/src/main/resources/dev/reclaim/doc/examples"
            + " by RuleExamplesTest; do not edit by hand -->\n";
    private static final String END = "<!-- end of rule examples -->\n";

    private static final ReclaimCompiler COMPILER = ReclaimCompiler.create();

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> eachRuleHasAFiringBadAndACleanGoodExample() {
        return Stream.of(Rule.values()).map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            String bad = RuleExamples.bad(rule.id());
            String good = RuleExamples.good(rule.id());
            assertNotNull(bad, "no bad example for " + rule.id());
            assertNotNull(good, "no good example for " + rule.id());
            List<Reported> badFindings = active(rule.id() + "-bad", bad);
            assertTrue(!badFindings.isEmpty(), rule.id() + ": the bad example fires nothing");
            assertEquals(Set.of(rule.id()), ids(badFindings), rule.id() + ": " + describe(badFindings));
            List<Reported> goodFindings = active(rule.id() + "-good", good);
            assertEquals(Set.of(), ids(goodFindings), rule.id() + " good: " + describe(goodFindings));
        }));
    }

    @Test
    void rulesMarkdownShowsTheExamples() throws IOException {
        String md = Files.readString(RULES_MD, StandardCharsets.UTF_8);
        int from = md.indexOf(BEGIN);
        int to = md.indexOf(END);
        String section = examplesSection();
        if (UPDATE) {
            String updated = from < 0 ? md + "\n## Examples\n\n" + BEGIN + section + END
                    : md.substring(0, from + BEGIN.length()) + section + md.substring(to);
            Files.writeString(RULES_MD, updated, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(from >= 0 && to > from, "docs/RULES.md has no generated examples section");
        assertEquals(section, md.substring(from + BEGIN.length(), to));
    }

    /** One subsection per rule, in the order of Rule.java, each with its bad and good policy. */
    private static String examplesSection() {
        StringBuilder b = new StringBuilder();
        for (Rule r : Rule.values()) {
            b.append("\n### ").append(r.id()).append(" examples\n\n")
                    .append("Bad (fires `").append(r.id()).append("`):\n\n```reclaim\n").append(RuleExamples.bad(r.id()))
                    .append("```\n\nGood (does not):\n\n```reclaim\n").append(RuleExamples.good(r.id())).append("```\n");
        }
        return b.append('\n').toString();
    }

    private List<Reported> active(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".reclaim");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<FileReport> reports = COMPILER.check(List.of(file));
        return reports.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.status() == Reported.Status.ACTIVE).toList();
    }

    private static Set<String> ids(List<Reported> findings) {
        return findings.stream().map(f -> f.finding().ruleId()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(List<Reported> findings) {
        return findings.stream().map(f -> f.finding().ruleId() + ": " + f.finding().message())
                .collect(Collectors.joining("\n"));
    }
}
