package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Inject;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.findings.Finding;

/**
 * The editor's view of a policy: markers come from the same analysis as {@code reclaimc check},
 * with the rule id as issue code and the same message, located on the model at the finding's
 * span. Also: every declaration and statement kind of LANGUAGE.md §2 validates without errors.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReclaimInjectorProvider.class)
class ValidatorTest {
    private static final EClass MODEL = ReclaimPackage.Literals.MODEL;

    /** LANGUAGE.md §1, the vocabulary every policy here uses. */
    private static final String VOCABULARY = """
            policy linux.storage
            permission direct
            permission kswapd
            permission io
            permission fs
            context KERNEL = direct + kswapd + io + fs
            context NOFS   = KERNEL - fs
            context NOIO   = NOFS - io
            context NOWAIT = kswapd
            context NONE   = none
            layer fs guarded by fs
            layer dm below fs guarded by io
            layer block below dm guarded by io
            layer device below block
            """;

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

    @Inject
    private ParseHelper<Model> parser;

    @Inject
    private ValidationTestHelper validation;

    @Inject
    private ReclaimCompiler compiler;

    private Model parse(String text) throws Exception {
        Model model = parser.parse(text);
        assertEquals(List.of(), model.eResource().getErrors().stream().map(Object::toString).toList(),
                "parse and link errors");
        return model;
    }

    /** Every issue as "severity code line:column message", in the validator's order. */
    private List<String> issues(Model model) {
        return validation.validate(model).stream().map(ValidatorTest::line).toList();
    }

    /** No error-severity issue, listing every issue on failure (the helper's own failures need JUnit 4). */
    private void assertNoErrors(Model model) {
        List<String> all = issues(model);
        assertEquals(List.of(), all.stream().filter(i -> i.startsWith("ERROR ")).toList(), all.toString());
        validation.assertNoErrors(model);
    }

    /** No issue with {@code code}, listing every issue on failure; then the helper's own check. */
    private void assertNoIssue(Model model, String code) {
        List<String> all = issues(model);
        assertEquals(List.of(), all.stream().filter(i -> i.split(" ")[1].equals(code)).toList(), all.toString());
        validation.assertNoIssue(model, MODEL, code);
    }

    /** An issue of this severity, code and exact message (and span, when offset >= 0); then the helper's check. */
    private void assertIssue(Model model, Severity severity, String code, int offset, int length, String message) {
        List<Issue> all = validation.validate(model);
        assertTrue(all.stream().anyMatch(i -> i.getSeverity() == severity && code.equals(i.getCode())
                && message.equals(i.getMessage()) && (offset < 0 || i.getOffset() == offset && i.getLength() == length)),
                () -> "no " + severity + " " + code + " '" + message + "' at " + offset + "+" + length + " among "
                        + all.stream().map(i -> line(i) + " @" + i.getOffset() + "+" + i.getLength()).toList());
        if (severity == Severity.ERROR) {
            if (offset < 0) {
                validation.assertError(model, MODEL, code, message);
            } else {
                validation.assertError(model, MODEL, code, offset, length, message);
            }
        } else if (offset < 0) {
            validation.assertWarning(model, MODEL, code, message);
        } else {
            validation.assertWarning(model, MODEL, code, offset, length, message);
        }
    }

    private static String line(Issue i) {
        return i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":" + i.getColumn() + " "
                + i.getMessage();
    }

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

    /** A system of {@code members}, then a disk and a filesystem on it to hang things on. */
    private static String system(String members) {
        return VOCABULARY + "system s {\n" + members.indent(4) + "    device sda\n    fs ext4 on sda\n}\n";
    }

    static Stream<Arguments> constructs() {
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        return Stream.of(
                Arguments.of("memory", p.getMemory(), "memory 64 pages min 4 low 8 high 12"),
                Arguments.of("expect deadlock", p.getExpectDeadlock(), "expect deadlock"),
                Arguments.of("expect no deadlock", p.getExpectDeadlock(), "expect no deadlock"),
                Arguments.of("expect findings", p.getExpectFindings(), """
                        expect findings "upward-gate"
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }"""),
                Arguments.of("expect findings none", p.getExpectFindings(), "expect findings none"),
                Arguments.of("allow in a shrinker body", p.getAllow(), """
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 {
                            allow "upward-gate" "the 2014 gate, kept on purpose"
                            scan { if fs { stop } }
                        }"""),
                Arguments.of("allow in a statement body", p.getAllow(), """
                        expect findings none
                        workqueue wq memreclaim { }
                        thread t task scope NOFS {
                            allow "scope-handoff" "the work allocates nothing"
                            queue wq
                        }"""),
                Arguments.of("allow after a declaration", p.getAllow(), """
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }
                        allow "upward-gate" "the 2014 gate, kept on purpose\""""),
                Arguments.of("allow at the start of a system", p.getAllow(), """
                        allow "upward-gate" "every shrinker here may test fs"
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }"""),
                Arguments.of("instance on, served by a pool", p.getInstance(), """
                        block loop0 on ext4, sda served by w1, w2
                        thread w1 serves loop0 { write ext4 }
                        thread w2 serves loop0 { write sda }"""),
                Arguments.of("mutex", p.getMutex(), "mutex m in ext4"),
                Arguments.of("rwsem", p.getRwsem(), "rwsem r in ext4"),
                Arguments.of("rwsem writer-preferring", p.getRwsem(), "rwsem r in ext4 writer-preferring"),
                Arguments.of("rwsem reader-preferring", p.getRwsem(), """
                        rwsem r in ext4 reader-preferring
                        thread t task { lock r shared  unlock r  lock r  unlock r }"""),
                Arguments.of("mempool take give", p.getMempool(), """
                        mempool pool in ext4 size 4
                        thread t task { take pool  write sda  give pool }"""),
                Arguments.of("workqueue memreclaim, queue", p.getQueue(), """
                        workqueue wq memreclaim { write sda }
                        thread t task { queue wq }"""),
                Arguments.of("workqueue", p.getWorkqueue(), """
                        memory 64 pages min 4 low 8 high 12
                        workqueue wq { alloc 1 KERNEL  free 1 }
                        thread t task { queue wq }"""),
                Arguments.of("thread kswapd", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        thread kswapd0 kswapd"""),
                Arguments.of("thread serves with scope", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        block loop0 on ext4 served by w
                        thread w serves loop0 scope NOIO { alloc 1 KERNEL  write ext4  free 1 }"""),
                Arguments.of("thread task with scope", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task scope NOFS { alloc 1 KERNEL  free 1 }"""),
                Arguments.of("op and call", p.getCall(), """
                        op sync in ext4 { write sda }
                        thread t task { call sync }"""),
                Arguments.of("shrinker with count", p.getShrinker(), """
                        mutex m in ext4
                        shrinker icache in ext4 {
                            count { trylock m else stop  unlock m }
                            scan { lock m  unlock m }
                        }"""),
                Arguments.of("shrinker guarded by", p.getShrinker(), """
                        dm thin0 on sda
                        shrinker bufio in thin0 guarded by io { scan { clean thin0 } }"""),
                Arguments.of("shrinker unguarded", p.getShrinker(), "shrinker pagecache in ext4 unguarded { scan { } }"),
                Arguments.of("cache", p.getCache(), """
                        memory 64 pages min 4 low 8 high 12
                        cache ext4 16"""),
                Arguments.of("alloc with a context expression", p.getAlloc(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { alloc 2 KERNEL - fs - io  alloc 1 (NOFS + fs) - fs  free 3 }"""),
                Arguments.of("free", p.getFree(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { alloc 1 NOIO  free 1 }"""),
                Arguments.of("lock unlock", p.getUnlock(), """
                        mutex m in ext4
                        thread t task { lock m  write sda  unlock m }"""),
                Arguments.of("lock shared", p.getLockStmt(), """
                        rwsem r in ext4
                        thread t task { lock r shared  unlock r }"""),
                Arguments.of("trylock else stop", p.getTryLock(), """
                        mutex m in ext4
                        shrinker sh in ext4 { scan { trylock m else stop  unlock m } }"""),
                Arguments.of("trylock else block", p.getTryLock(), """
                        mutex m in ext4
                        thread t task { trylock m else { write sda  lock m }  unlock m }"""),
                Arguments.of("write", p.getWrite(), "thread t task { write ext4 }"),
                Arguments.of("submit wait", p.getSubmit(), "thread t task { submit ext4  write sda  wait ext4 }"),
                Arguments.of("fill", p.getFill(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { fill ext4 4 KERNEL }
                        shrinker pagecache in ext4 unguarded { scan { } }"""),
                Arguments.of("dirty clean", p.getClean(), """
                        memory 64 pages min 4 low 8 high 12
                        cache ext4 16
                        thread t task { dirty ext4 4  clean ext4 }"""),
                Arguments.of("scope", p.getScope(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { scope NOFS { alloc 1 KERNEL  scope NOIO { alloc 1 KERNEL } }  free 2 }"""),
                Arguments.of("if else", p.getIf(), """
                        thread t task { if io { write ext4 } else { write sda }  if fs { write sda } }"""),
                Arguments.of("stop", p.getStop(), "shrinker sh in ext4 { count { stop } scan { stop } }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void everyConstructValidates(String name, EClass kind, String members) throws Exception {
        Model model = parse(system(members));
        assertTrue(contains(model, kind), name + ": no " + kind.getName() + " in the model");
        assertNoErrors(model);
    }

    private static boolean contains(EObject root, EClass kind) {
        for (Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
            if (it.next().eClass() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Every construct of §2 at once, in a system that checks clean: no error, warning or note. */
    @Test
    void aCompleteSystemUsingEveryConstructHasNoIssues() throws Exception {
        Model model = parse(VOCABULARY + """
                /** Every declaration and statement kind of LANGUAGE.md §2. */
                system everything {
                    memory 256 pages min 16 low 32 high 48
                    expect no deadlock
                    expect findings none

                    device sda
                    fs     ext4 on sda
                    block  nbd0 on sda served by nbd_worker
                    dm     crypt0 on sda served by kcryptd0, kcryptd1

                    mutex   journal in ext4
                    rwsem   iolock in ext4
                    rwsem   umount_sem in ext4 writer-preferring
                    rwsem   sb_sem in ext4 reader-preferring
                    mempool page_pool in crypt0 size 4
                    cache   ext4 64

                    /** WQ_MEM_RECLAIM write-back. */
                    workqueue writeback memreclaim {
                        lock journal
                        clean ext4
                        unlock journal
                    }
                    workqueue events {
                        alloc 1 KERNEL
                        free 1
                    }

                    thread kswapd0 kswapd
                    thread nbd_worker serves nbd0 scope NOIO {
                        alloc 1 KERNEL
                        write sda
                        free 1
                    }
                    thread kcryptd0 serves crypt0 {
                        take page_pool
                        write sda
                        give page_pool
                    }
                    thread kcryptd1 serves crypt0 {
                        take page_pool
                        submit sda
                        wait sda
                        give page_pool
                    }
                    thread reader task {
                        fill ext4 4 KERNEL
                        lock iolock shared
                        unlock iolock
                        lock sb_sem shared
                        unlock sb_sem
                    }
                    thread writer task scope NOFS {
                        allow "scope-handoff" "the write-back work allocates nothing"
                        lock journal
                        dirty ext4 4
                        unlock journal
                        call ext4_sync
                        queue writeback
                    }
                    thread mounter task {
                        trylock umount_sem else { write nbd0  lock umount_sem }
                        unlock umount_sem
                        scope NOIO {
                            alloc 1 KERNEL - kswapd
                            scope NOFS { alloc 1 KERNEL }
                            free 2
                        }
                        if fs { write ext4 } else { write crypt0 }
                        queue events
                    }
                    allow "scope-widen" "kept to show that nesting never widens"

                    op ext4_sync in ext4 {
                        submit ext4
                        wait ext4
                    }

                    shrinker inodes in ext4 guarded by fs {
                        count {
                            trylock journal else stop
                            unlock journal
                        }
                        scan {
                            if fs { lock journal  clean ext4  unlock journal } else { stop }
                        }
                    }
                    shrinker crypt_cache in crypt0 {
                        scan { stop }
                    }
                    shrinker pagecache in ext4 unguarded {
                        scan { }
                    }
                }
                """);
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        for (EClass kind : List.of(p.getMemory(), p.getExpectDeadlock(), p.getExpectFindings(), p.getAllow(),
                p.getInstance(), p.getMutex(), p.getRwsem(), p.getMempool(), p.getWorkqueue(), p.getThread(),
                p.getOp(), p.getShrinker(), p.getCache(), p.getAlloc(), p.getFree(), p.getLockStmt(), p.getUnlock(),
                p.getTryLock(), p.getWrite(), p.getSubmit(), p.getWait(), p.getFill(), p.getDirty(), p.getClean(),
                p.getCall(), p.getScope(), p.getIf(), p.getQueue(), p.getTake(), p.getGive(), p.getStop())) {
            assertTrue(contains(model, kind), "no " + kind.getName() + " in the complete system");
        }
        assertEquals(List.of(), issues(model));
    }
}
