package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SystemModel;

/**
 * The bundled examples against the static checks. Every file under {@code ../examples} that
 * declares a system checks clean: each system states {@code expect} and {@code expect findings},
 * and every finding is one its system expects. Independently of what the files expect, the seed
 * systems of LANGUAGE.md §5 must report exactly the rules of the table's "static" column, written
 * out here, so that editing an example's {@code expect findings} cannot weaken the contract.
 */
class ExamplesCheckTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Pattern DECLARES_SYSTEM = Pattern.compile("(?m)^\\s*system\\s+[A-Za-z_]");

    /** LANGUAGE.md §5, column "static": the exact rule ids each seed system must report. */
    private static final Map<String, Set<String>> SEED_STATIC = new LinkedHashMap<>();
    static {
        SEED_STATIC.put("seed_2019_buggy",
                Set.of("reclaim-recursion", "reclaim-cycle", "layering", "upward-gate", "io-path-context"));
        SEED_STATIC.put("seed_before_2014",
                Set.of("reclaim-recursion", "reclaim-cycle", "layering", "io-path-context"));
        SEED_STATIC.put("seed_2019_trylock",
                Set.of("reclaim-recursion", "layering", "upward-gate", "io-path-context"));
        SEED_STATIC.put("seed_2019_noio_fix",
                Set.of("upward-gate"));
        SEED_STATIC.put("seed_2020_mikulas",
                Set.of("reclaim-cycle", "layering", "gate-unsound"));
        SEED_STATIC.put("seed_wq_deferred",
                Set.of("io-path-context"));
    }

    /** Rules about a policy's own expectations: not part of what the analyses report. */
    private static final Set<Rule> ABOUT_EXPECTATIONS = Set.of(Rule.EXPECT_FINDINGS, Rule.UNUSED_WAIVER);

    private static ReclaimCompiler compiler;

    @BeforeAll
    static void setUp() {
        compiler = ReclaimCompiler.create();
    }

    static Stream<Path> examplesWithSystems() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".reclaim")).sorted().toList();
        }
        List<Path> withSystems = files.stream().filter(ExamplesCheckTest::declaresSystem).toList();
        // Guard against an empty or misplaced examples directory making every test vacuous.
        assertTrue(withSystems.size() >= 11, "examples with systems: " + withSystems);
        return withSystems.stream();
    }

    private static boolean declaresSystem(Path p) {
        try {
            return DECLARES_SYSTEM.matcher(Files.readString(p, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static FileReport check(Path file) throws Exception {
        return compiler.check(List.of(file)).get(0);
    }

    private static String describe(List<Reported> findings) {
        return findings.stream().map(r -> "\n  " + r.status().name().toLowerCase(java.util.Locale.ROOT) + " "
                + r.finding().severity().label() + "[" + r.finding().ruleId() + "] " + r.finding().pos() + ": "
                + r.finding().message()).collect(Collectors.joining());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesWithSystems")
    void checksCleanWithEveryFindingExpected(Path file) throws Exception {
        FileReport report = check(file);
        assertFalse(report.systems().isEmpty(), file + " declares a system, yet none was lowered:"
                + describe(report.findings()));
        for (SystemModel s : report.systems()) {
            assertNotNull(s.expect(), "system " + s.name() + " in " + file + " has no 'expect [no] deadlock'");
            assertNotNull(s.expectFindings(), "system " + s.name() + " in " + file + " has no 'expect findings'");
        }
        List<Reported> notExpected = report.findings().stream()
                .filter(r -> r.status() != Reported.Status.EXPECTED).toList();
        assertTrue(notExpected.isEmpty(), () -> file + " has findings its systems do not expect:"
                + describe(notExpected));
        assertFalse(report.hasActiveErrors());
    }

    static Stream<Arguments> seedRows() {
        return SEED_STATIC.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedRows")
    void seedSystemsReportExactlyTheStaticColumnOfTheTable(String system, Set<String> expected) throws Exception {
        FileReport report = check(EXAMPLES.resolve("seed").resolve(system + ".reclaim"));
        assertEquals(List.of(system), report.systems().stream().map(SystemModel::name).toList());
        // Whatever the file says of them: expected, waived or active, a finding counts as reported.
        List<Reported> ours = report.findings().stream().filter(r -> system.equals(r.finding().system()))
                .filter(r -> !ABOUT_EXPECTATIONS.contains(r.finding().rule())).toList();
        Set<String> reported = ours.stream().map(r -> r.finding().ruleId()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(expected), reported, system + ":" + describe(ours));
        List<Reported> other = report.findings().stream().filter(r -> !system.equals(r.finding().system())).toList();
        assertTrue(other.isEmpty(), () -> "findings outside the system:" + describe(other));
    }

    @Test
    void theTableCoversEverySeedRow() {
        assertEquals(List.of("seed_2019_buggy", "seed_before_2014", "seed_2019_trylock", "seed_2019_noio_fix",
                "seed_2020_mikulas", "seed_wq_deferred"), List.copyOf(SEED_STATIC.keySet()));
    }

    @Test
    void theBuggySeedNamesItsCycleInTheUsersOwnNames() throws Exception {
        FileReport report = check(EXAMPLES.resolve("seed/seed_2019_buggy.reclaim"));
        List<String> cycles = report.findings().stream().map(Reported::finding)
                .filter(f -> f.rule() == Rule.RECLAIM_CYCLE).map(Finding::message).toList();
        assertEquals(List.of("kswapd0 holds bufio_lock and waits for IO on thin0 (served by loop0_worker); "
                + "loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which takes bufio_lock"),
                cycles);
    }
}
