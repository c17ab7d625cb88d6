package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Finding;

/**
 * The editor's view of a policy: markers come from the same analysis as {@code reclaimc check},
 * with the rule id as issue code and the same message, located on the model at the finding's
/**
 * The editor's view of a policy: markers come from the same analysis as {@code reclaimc check},
 * with the rule id as issue code and the same message, located on the model at the finding's
 * span.
 */
class ValidatorTest extends ValidationSupport {
    /** The seed system of LANGUAGE.md §2 (without `expect findings`, so every finding is active). */
    private static final String SEED = """
            system seed_2019_buggy {
                memory 256 pages min 16 low 32 high 48
                expect deadlock

                device sda
                fs     xfs_host on sda
                block  loop0 on xfs_host served by loop0_worker
                dm     thin0 on loop0

                mutex bufio_lock in thin0
                cache xfs_host 120
                cache thin0 16

                thread kswapd0 kswapd
                thread loop0_worker serves loop0 {
                    call direct_io
                }
                thread reader task {
                    fill xfs_host 4 KERNEL
                }
                thread writer task {
                    lock bufio_lock
                    dirty thin0 4
                    unlock bufio_lock
                }

                op direct_io in xfs_host {
                    alloc 1 KERNEL
                    write sda
                    free 1
                }

                shrinker bufio in thin0 {
                    count {
                        if fs { lock bufio_lock } else { trylock bufio_lock else stop }
                        unlock bufio_lock
                    }
                    scan {
                        if fs { lock bufio_lock } else { trylock bufio_lock else stop }
                        if fs { clean thin0 }
                        unlock bufio_lock
                    }
                }
                shrinker pagecache in xfs_host unguarded {
                    scan { }
                }
            }
            """;

    /** d0a255e795ab: the same stack with the loop worker under NOIO. */
    private static final String NOIO_FIX = SEED.replace("system seed_2019_buggy", "system seed_2019_noio_fix")
            .replace("thread loop0_worker serves loop0 {", "thread loop0_worker serves loop0 scope NOIO {");

    // ---------------------------------------------------------------- the seed and its fix

    private static final String RECURSION = "loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker "
            + "bufio, which waits for IO on thin0 (through loop0, which loop0_worker serves): it would wait for itself";
    private static final String CYCLE = "kswapd0 holds bufio_lock and waits for IO on thin0 (served by "
            + "loop0_worker); loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which takes "
            + "bufio_lock";
    private static final String LAYERING = "loop0_worker, allocating 1 KERNEL in op direct_io for loop0, may enter "
            + "shrinker bufio of thin0, which is on loop0";
    private static final String IO_PATH = "loop0_worker serves loop0 (layer block) but may allocate 1 KERNEL in op "
            + "direct_io, which admits shrinker bufio of thin0 (layer dm, guarded by io): wrap it in scope NOIO";
    private static final String UPWARD = "shrinker bufio of thin0 (layer dm) tests fs, which guards layer fs above "
            + "it: the allocating layer should narrow its own context instead";

    @Test
    void theSeedSystemHasItsFindingsAsMarkersWithRuleIdsAndMessages() throws Exception {
        String text = VOCABULARY + SEED;
        Model model = parse(text);
        int alloc = text.indexOf("alloc 1 KERNEL");
        int length = "alloc 1 KERNEL".length();
        int gate = text.indexOf("if fs { lock bufio_lock }");
        int gateLength = "if fs { lock bufio_lock } else { trylock bufio_lock else stop }".length();

        assertIssue(model, Severity.ERROR, "reclaim-recursion", alloc, length, RECURSION);
        assertIssue(model, Severity.ERROR, "reclaim-cycle", alloc, length, CYCLE);
        assertIssue(model, Severity.ERROR, "layering", alloc, length, LAYERING);
        assertIssue(model, Severity.WARNING, "io-path-context", alloc, length, IO_PATH);
        assertIssue(model, Severity.WARNING, "upward-gate", gate, gateLength, UPWARD);

        // Exactly these, each once (the composed validators must not report twice), with whole messages.
        // The order of markers follows the validator's reflective dispatch, so compare sorted.
        int allocLine = line(text, alloc);
        assertEquals(sorted(List.of(
                "ERROR reclaim-recursion " + allocLine + ":9 " + RECURSION,
                "ERROR reclaim-cycle " + allocLine + ":9 " + CYCLE,
                "ERROR layering " + allocLine + ":9 " + LAYERING,
                "WARNING upward-gate " + line(text, gate) + ":13 " + UPWARD,
                "WARNING io-path-context " + allocLine + ":9 " + IO_PATH)), sorted(issues(model)));
    }

    @Test
    void theNoioFixHasNoRecursionCycleOrLayeringMarkers() throws Exception {
        Model model = parse(VOCABULARY + NOIO_FIX);
        assertNoIssue(model, "reclaim-recursion");
        assertNoIssue(model, "reclaim-cycle");
        assertNoIssue(model, "layering");
        assertNoIssue(model, "io-path-context");
        assertNoErrors(model);
        assertIssue(model, Severity.WARNING, "upward-gate", -1, -1, UPWARD);
        assertEquals(1, validation.validate(model).size(), issues(model).toString());
    }

    @Test
    void expectedFindingsAreStillMarkedAndWaivedOnesAreNot() throws Exception {
        String text = VOCABULARY + SEED.replace("expect deadlock", """
                expect deadlock
                    expect findings "reclaim-recursion", "reclaim-cycle", "layering", "upward-gate"
                """).replace("shrinker pagecache", """
                allow "io-path-context" "waived here to test waivers"
                    shrinker pagecache""");
        // The waiver follows the shrinker bufio declaration, so it covers nothing there: unused.
        Model model = parse(text);
        assertIssue(model, Severity.ERROR, "reclaim-cycle", -1, -1, CYCLE);
        assertIssue(model, Severity.WARNING, "io-path-context", -1, -1, IO_PATH);
        assertIssue(model, Severity.WARNING, "unused-waiver", -1, -1,
                "allow \"io-path-context\" waives nothing on shrinker bufio");
        assertIssue(model, Severity.ERROR, "expect-findings", -1, -1,
                "expected findings differ: unexpected \"io-path-context\"");

        String waived = text.replace("thread loop0_worker serves loop0 {", """
                thread loop0_worker serves loop0 {
                        allow "io-path-context" "a test of waivers\"""");
        Model w = parse(waived);
        assertNoIssue(w, "io-path-context");
        assertNoIssue(w, "expect-findings");
        assertIssue(w, Severity.ERROR, "reclaim-cycle", -1, -1, CYCLE);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- markers = reclaimc check

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("seed", VOCABULARY + SEED),
                Arguments.of("noio fix", VOCABULARY + NOIO_FIX),
                Arguments.of("structural", VOCABULARY + """
                        layer loopy below loopy
                        system broken {
                            memory 64 pages min 8 low 4 high 12
                            expect no deadlock
                            expect findings "layering", "no-such-rule"
                            device sda
                            fs a on b
                            fs b on a served by w
                            fs a
                            mutex m in a
                            thread w serves b { lock m }
                            thread t task { stop  scope NOIO { scope KERNEL { alloc 1 KERNEL } } }
                            allow "upward-gate" "nothing to waive"
                        }
                        """));
    }

    /**
     * Every marker the validator reports (parser and linker diagnostics aside) is a finding
     * {@code reclaimc check} reports for the same text, with the same rule id, location and message,
     * and the other way round for findings that are not waived.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void markersAreTheFindingsOfTheCommandLine(String name, String text) throws Exception {
        Model model = parser.parse(text);
        List<String> markers = new ArrayList<>(issues(model));
        FileReport report = compiler.checkSource(Path.of(name.replace(' ', '_') + ".reclaim"), text);
        List<String> cli = new ArrayList<>();
        for (Reported r : report.findings()) {
            if (r.status() == Reported.Status.WAIVED) {
                continue;
            }
            Finding f = r.finding();
            Severity s = switch (f.severity()) {
                case ERROR -> Severity.ERROR;
                case WARNING -> Severity.WARNING;
                case NOTE -> Severity.INFO;
            };
            cli.add(s + " " + f.ruleId() + " " + f.pos().line() + ":" + f.pos().column() + " " + f.message());
        }
        markers.sort(null);
        cli.sort(null);
        assertFalse(cli.isEmpty(), "the command line reports nothing for " + name);
        assertEquals(cli, markers);
    }

    // ---------------------------------------------------------------- every construct of §2
}
