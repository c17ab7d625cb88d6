package dev.reclaim.analysis.reclaim;

import static dev.reclaim.testing.FindingText.messages;
import static dev.reclaim.testing.FindingText.of;
import static dev.reclaim.testing.FindingText.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Severity;
import dev.reclaim.model.SourcePos;
import dev.reclaim.testing.Seeds;
import dev.reclaim.testing.TestSystems;

/** The rows of LANGUAGE.md §5: each system's exact rule set, and the seed's exact messages. */
class SeedCasesTest {

    private static List<Finding> check(String system) {
        return ReclaimAnalysis.check(TestSystems.parseAfterVocabulary(system));
    }

    @Test
    void seed2019BuggyReportsExactlyItsFiveRules() {
        List<Finding> f = check(Seeds.SEED_2019_BUGGY);
        assertEquals(Set.of("reclaim-recursion", "reclaim-cycle", "layering", "upward-gate", "io-path-context"),
                rules(f));
        assertEquals(List.of("reclaim-recursion", "reclaim-cycle", "layering", "io-path-context", "upward-gate"),
                f.stream().map(Finding::ruleId).toList(), "one finding each, in declaration then rule order");
    }

    @Test
    void seed2019BuggyMessages() {
        List<Finding> f = check(Seeds.SEED_2019_BUGGY);
        assertEquals(List.of("kswapd0 holds bufio_lock and waits for IO on thin0 (served by loop0_worker); "
                + "loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which takes bufio_lock"),
                messages(f, "reclaim-cycle"));
        assertEquals(List.of("loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which "
                + "waits for IO on thin0 (through loop0, which loop0_worker serves): it would wait for itself"),
                messages(f, "reclaim-recursion"));
        assertEquals(List.of("loop0_worker, allocating 1 KERNEL in op direct_io for loop0, may enter shrinker bufio "
                + "of thin0, which is on loop0"), messages(f, "layering"));
        assertEquals(List.of("shrinker bufio of thin0 (layer dm) tests fs, which guards layer fs above it: the "
                + "allocating layer should narrow its own context instead"), messages(f, "upward-gate"));
        assertEquals(List.of("loop0_worker serves loop0 (layer block) but may allocate 1 KERNEL in op direct_io, "
                + "which admits shrinker bufio of thin0 (layer dm, guarded by io): wrap it in scope NOIO"),
                messages(f, "io-path-context"));
    }

    @Test
    void seed2019BuggyLocationsAndDeclarations() {
        List<Finding> f = check(Seeds.SEED_2019_BUGGY);
        Finding cycle = of(f, "reclaim-cycle").get(0);
        assertEquals(Severity.ERROR, cycle.severity());
        assertEquals("seed_2019_buggy/thread loop0_worker", cycle.declaration());
        assertEquals("seed_2019_buggy", cycle.system());
        assertEquals(2, cycle.related().size(), "one related location per step");
        // the kswapd step points at `clean thin0` in the scan, the loop worker's at its allocation
        assertEquals(cycle.pos(), cycle.related().get(1).pos());
        assertEquals("alloc", word(cycle.pos()));
        assertEquals("clean", word(cycle.related().get(0).pos()));

        Finding rec = of(f, "reclaim-recursion").get(0);
        assertEquals("seed_2019_buggy/thread loop0_worker", rec.declaration());
        assertEquals("alloc", word(rec.pos()));
        Finding gate = of(f, "upward-gate").get(0);
        assertEquals("seed_2019_buggy/shrinker bufio", gate.declaration());
        assertEquals(Severity.WARNING, gate.severity());
        assertEquals("if", word(gate.pos()));
        assertEquals(3, gate.related().size(), "every `if fs` of count and scan");
        assertEquals("seed_2019_buggy/thread loop0_worker", of(f, "io-path-context").get(0).declaration());
    }

    /** The word a position starts at, in the seed text as parsed (vocabulary prepended). */
    private static String word(SourcePos pos) {
        String text = TestSystems.LINUX_VOCABULARY_TEXT + Seeds.SEED_2019_BUGGY;
        String line = text.lines().skip(pos.line() - 1).findFirst().orElseThrow();
        return line.substring(pos.column() - 1).split("\\s+")[0];
    }

    @Test
    void before2014() {
        List<Finding> f = check(Seeds.before2014());
        assertEquals(Set.of("reclaim-recursion", "reclaim-cycle", "layering", "io-path-context"), rules(f));
        assertEquals(List.of("kswapd0 holds bufio_lock and waits for IO on thin0 (served by loop0_worker); "
                + "loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which takes bufio_lock"),
                messages(f, "reclaim-cycle"));
    }

    @Test
    void trylockOnly2019() {
        List<Finding> f = check(Seeds.trylockOnly2019());
        assertEquals(Set.of("reclaim-recursion", "layering", "upward-gate", "io-path-context"), rules(f));
        assertEquals(List.of("loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, which "
                + "waits for IO on thin0 (through loop0, which loop0_worker serves): it would wait for itself"),
                messages(f, "reclaim-recursion"));
    }

    @Test
    void loopWorkerUnderNoio() {
        List<Finding> f = check(Seeds.loopUnderNoio());
        assertEquals(Set.of("upward-gate"), rules(f));
        assertEquals(1, f.size());
    }

    @Test
    void mikulas2020() {
        List<Finding> f = check(Seeds.mikulas2020());
        assertEquals(Set.of("reclaim-cycle", "layering", "gate-unsound"), rules(f));
        assertEquals(List.of("mkfs, allocating 1 NOFS in op xfs_write for xfs_host, may enter shrinker bufio of thin0, "
                + "which is on loop0 on xfs_host"), messages(f, "layering"));
        assertEquals(List.of("NOFS in op xfs_write of xfs_host drops fs but keeps io, which admits shrinker bufio of "
                + "thin0; thin0 is on loop0 on xfs_host: no permission bit can tell them apart"),
                messages(f, "gate-unsound"));
        assertEquals(List.of(
                "loop0_worker, serving loop0, waits for xfs_lock in op direct_io; mkfs holds xfs_lock and, "
                        + "allocating 1 NOFS in op xfs_write, may enter shrinker bufio, which waits for IO on thin0 "
                        + "(served by loop0_worker)",
                "kswapd0 holds bufio_lock and waits for IO on thin0 (served by loop0_worker); loop0_worker, serving "
                        + "loop0, waits for xfs_lock in op direct_io; mkfs holds xfs_lock and, allocating 1 NOFS in "
                        + "op xfs_write, may enter shrinker bufio, which takes bufio_lock"),
                messages(f, "reclaim-cycle"), "shortest first");
        for (Finding c : of(f, "reclaim-cycle")) {
            assertEquals("mikulas_2020/thread mkfs", c.declaration());
        }
        assertEquals(Severity.WARNING, of(f, "gate-unsound").get(0).severity());
    }

    @Test
    void deferredToMemreclaimWorkqueue() {
        List<Finding> f = check(Seeds.deferredToWorkqueue());
        assertEquals(Set.of("io-path-context"), rules(f));
    }
}
