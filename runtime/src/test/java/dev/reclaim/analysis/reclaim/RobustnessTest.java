package dev.reclaim.analysis.reclaim;

import static dev.reclaim.testing.FindingText.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;
import dev.reclaim.testing.TestSystems;

/** Broken or huge models: the analysis must neither throw nor hang, and must stay deterministic. */
class RobustnessTest {

    @Test
    void unknownNamesRecursiveOpsAndOnCycles() {
        SystemModel sys = TestSystems.parseAfterVocabulary("""
                system weird {
                    device sda
                    dm    a on b served by ghost_thread
                    dm    b on a
                    block c on a
                    nolayer d on c
                    mutex m in nowhere
                    thread t task {
                        call r1  lock nosuch  clean ghost  take nopool  call missing  queue nowq
                        if nosuchperm { alloc 1 KERNEL } else { alloc 1 NOFS }
                        fill c 1 KERNEL
                        stop
                        alloc 1 KERNEL
                    }
                    thread u serves ghost_instance { call r2  write d  unlock never_taken  give nopool }
                    thread v serves c { call r1  trylock m else { lock m }  alloc 1 KERNEL }
                    op r1 in nowhere { call r2  alloc 1 KERNEL  clean c }
                    op r2 in c { call r1  lock m  call r2 }
                    shrinker s in nowhere { scan { clean c  call r1  lock m } }
                    shrinker s2 in b guarded by nosuchperm { count { stop } scan { if fs { } } }
                    shrinker s3 in d { scan { if fs { lock m } clean d } }
                }
                """);
        List<Finding> first = ReclaimAnalysis.check(sys);
        assertEquals(first, ReclaimAnalysis.check(sys), "deterministic");
    }

    @Test
    void nullFieldsInAHandBuiltModel() {
        SystemModel base = TestSystems.parseAfterVocabulary("system b { device sda }");
        Ctx kernel = new Ctx(base.vocab().context("KERNEL").orElseThrow().perms(), "KERNEL");
        List<Stmt> body = List.of(new Stmt.Lock(null, false, null), new Stmt.Alloc(1, null, null),
                new Stmt.Alloc(1, kernel, null), new Stmt.Write(null, null), new Stmt.Unlock(null, null),
                new Stmt.If(null, List.of(), List.of(), null), new Stmt.Call(null, null),
                new Stmt.Scope(null, List.of(new Stmt.Alloc(1, kernel, null)), null),
                new Stmt.TryLock(null, List.of(new Stmt.Take(null, null)), null));
        SystemModel sys = new SystemModel("n", null, null, base.vocab(), null, null, null,
                List.of(new Decl.Instance("i", null, List.of(), List.of("t"), null, null)), List.of(), List.of(),
                List.of(), List.of(new Decl.ThreadDecl("t", Decl.ThreadKind.SERVER, "i", null, body, null, null),
                        new Decl.ThreadDecl("k", Decl.ThreadKind.KSWAPD, null, null, List.of(), null, null)),
                List.of(), List.of(new Decl.Shrinker("s", null, null, null, null, body, null, null, null, null),
                        new Decl.Shrinker("s2", "i", Decl.GuardMode.PERMISSION, null, body, List.of(), null, null,
                                null, null)),
                List.of(), List.of());
        List<Finding> f = ReclaimAnalysis.check(sys);
        assertEquals(f, ReclaimAnalysis.check(sys));
    }

    @Test
    void layerCyclesAndMissingDirect() {
        List<SystemModel> systems = TestSystems.parsePolicy("""
                permission kswapd
                permission io
                context K = kswapd + io
                layer x below y guarded by io
                layer y below x guarded by io
                system s {
                    x a
                    y b on a served by w
                    mutex m in a
                    thread k kswapd
                    thread w serves b { lock m  alloc 1 K  unlock m }
                    shrinker sh in a { scan { if io { } lock m  unlock m } }
                }
                """);
        List<Finding> f = ReclaimAnalysis.check(systems.get(0));
        assertTrue(rules(f).stream().noneMatch(r -> r.equals("reclaim-recursion") || r.equals("layering")),
                "without a direct permission nothing reclaims directly: " + f);
    }

    @Test
    void pathologicalCallDiamondsTerminate() {
        StringBuilder ops = new StringBuilder();
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            ops.append("op o").append(i).append(" in xfs { call o").append(i + 1).append("  call o").append(i + 1)
                    .append("  lock m  alloc 1 KERNEL  unlock m }\n");
        }
        ops.append("op o").append(depth).append(" in xfs { alloc 1 KERNEL }\n");
        SystemModel sys = TestSystems.parseAfterVocabulary("""
                system diamonds {
                    device sda
                    fs xfs on sda
                    mutex m in xfs
                    thread t task { lock m  call o0  unlock m }
                    %s
                    shrinker sh in xfs { scan { lock m  unlock m } }
                }
                """.formatted(ops));
        List<Finding> f = ReclaimAnalysis.check(sys);
        assertTrue(rules(f).contains("reclaim-recursion"));
    }

    /**
     * A generated system of many loop-like stacks, each one the seed's bug: every stack must get
     * its own findings, kswapd0 shared by all. No timing assertion; see the report for figures.
     */
    @Test
    void manyStacks() {
        int n = 2_500;
        SystemModel sys = TestSystems.parseAfterVocabulary(Generated.stacks(n));
        assertEquals(4 * n, sys.instances().size());
        List<Finding> f = ReclaimAnalysis.check(sys);
        Map<String, Long> counts = f.stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
        assertEquals(Map.of("reclaim-recursion", (long) n, "reclaim-cycle", (long) n, "layering", (long) n,
                "upward-gate", (long) n, "io-path-context", (long) n), counts);
        assertEquals("kswapd0 holds lock_7 and waits for IO on thin_7 (served by worker_7); worker_7, allocating 1 "
                + "KERNEL in op dio_7, may enter shrinker bufio_7, which takes lock_7",
                f.stream().filter(x -> x.ruleId().equals("reclaim-cycle"))
                        .collect(Collectors.toMap(Finding::declaration, Function.identity()))
                        .get("stacks/thread worker_7").message());
        assertEquals(List.of(), ReclaimAnalysis.check(TestSystems.parseAfterVocabulary(Generated.stacks(n, true))));
    }
}
