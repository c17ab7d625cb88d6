package dev.reclaim.analysis.reclaim;

import static dev.reclaim.testing.FindingText.messages;
import static dev.reclaim.testing.FindingText.of;
import static dev.reclaim.testing.FindingText.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.testing.TestSystems;

/** Each rule on a small system where it fires, and on a near miss where it must not. */
class RulesTest {

    private static List<Finding> check(String system) {
        return ReclaimAnalysis.check(TestSystems.parseAfterVocabulary(system));
    }

    private static final String BASE = """
                memory 256 pages min 16 low 32 high 48
                device sda
                fs     xfs on sda
            """;

    // ---- reclaim-recursion ----------------------------------------------------------------------

    @Test
    void recursionOnALockTheThreadHolds() {
        List<Finding> f = check("system s {" + BASE + """
                mutex m in xfs
                thread t task { lock m  alloc 1 KERNEL  unlock m }
                shrinker sh in xfs { scan { lock m  unlock m } }
            }""");
        assertEquals(List.of("t, allocating 1 KERNEL, may enter shrinker sh, which takes m (held by t): it would wait "
                + "for itself"), messages(f, "reclaim-recursion"));
        assertEquals(Set.of("reclaim-recursion"), rules(f), "a self-wait is not a cycle");
        assertEquals("s/thread t", f.get(0).declaration());
    }

    @Test
    void recursionNamesTheOpThatTookTheLock() {
        List<Finding> f = check("system s {" + BASE + """
                mutex m in xfs
                thread t task { call w }
                op w in xfs { lock m  alloc 1 KERNEL  unlock m }
                shrinker sh in xfs { scan { lock m  unlock m } }
            }""");
        assertEquals(List.of("t, allocating 1 KERNEL in op w, may enter shrinker sh, which takes m (held by t since "
                + "op w): it would wait for itself"), messages(f, "reclaim-recursion"));
        assertEquals("s/thread t", f.get(0).declaration(), "declared on the thread even inside an op");
    }

    @Test
    void noRecursionWhenTheContextPrunesTheWait() {
        List<Finding> f = check("system s {" + BASE + """
                mutex m in xfs
                thread t task { lock m  alloc 1 NOFS  unlock m }
                shrinker sh in xfs { scan { if fs { lock m  unlock m } else { trylock m else stop  unlock m } } }
            }""");
        assertTrue(of(f, "reclaim-recursion").isEmpty());
    }

    @Test
    void noRecursionWithoutDirect() {
        List<Finding> f = check("system s {" + BASE + """
                mutex m in xfs
                thread t task { lock m  alloc 1 NOWAIT  unlock m }
                shrinker sh in xfs { scan { lock m  unlock m } }
            }""");
        assertEquals(List.of(), f);
    }

    @Test
    void recursionThroughAMultiHopOnChain() {
        List<Finding> f = check("system s {" + BASE + """
                block loop0 on xfs served by w
                dm    mid on loop0
                dm    top on sdb, mid
                device sdb
                thread w serves loop0 { alloc 1 KERNEL }
                shrinker sh in top { scan { clean top } }
            }""");
        assertEquals(List.of("w, allocating 1 KERNEL, may enter shrinker sh, which waits for IO on top (through mid to "
                + "loop0, which w serves): it would wait for itself"), messages(f, "reclaim-recursion"));
        assertEquals(List.of("w, allocating 1 KERNEL for loop0, may enter shrinker sh of top, which is on mid on loop0"),
                messages(f, "layering"));
        assertEquals(List.of("w serves loop0 (layer block) but may allocate 1 KERNEL, which admits shrinker sh of top "
                + "(layer dm, guarded by io): wrap it in scope NOIO"), messages(f, "io-path-context"));
    }

    @Test
    void noRecursionWhenIoEndsAtADevice() {
        List<Finding> f = check("system s {" + BASE + """
                block loop0 on xfs served by w
                dm    top on sdb
                device sdb
                thread w serves loop0 { alloc 1 KERNEL }
                shrinker sh in top { scan { clean top } }
            }""");
        assertTrue(of(f, "reclaim-recursion").isEmpty());
        assertTrue(of(f, "layering").isEmpty(), "top is not on loop0");
    }

    @Test
    void scopeNarrowingPrunesIfBranchesOfTheThread() {
        String shrinker = """
                mutex m in xfs
                shrinker sh in xfs { scan { lock m  unlock m } }
            }""";
        List<Finding> pruned = check("system s {" + BASE
                + "thread t task { scope NOFS { if fs { lock m  alloc 1 KERNEL  unlock m } } }" + shrinker);
        assertEquals(List.of(), pruned);
        List<Finding> taken = check("system s {" + BASE
                + "thread t task { scope NOFS { if io { lock m  alloc 1 KERNEL  unlock m } } }" + shrinker);
        assertEquals(Set.of("reclaim-recursion"), rules(taken));
        List<Finding> noio = check("system s {" + BASE
                + "thread t task { lock m  scope NOIO - direct { alloc 1 KERNEL }  unlock m }" + shrinker);
        assertEquals(List.of(), noio, "the scope takes direct away: no reclaim at all");
    }

    // ---- rwsem --------------------------------------------------------------------------------------

    private static List<Finding> rwsem(String threadMode, String shrinkerMode) {
        return check("system s {" + BASE + """
                rwsem r in xfs
                thread t task { lock r %s  alloc 1 KERNEL  unlock r }
                shrinker sh in xfs { scan { lock r %s  unlock r } }
            }""".formatted(threadMode, shrinkerMode));
    }

    @Test
    void rwsemSharedSharedDoesNotConflict() {
        assertEquals(List.of(), rwsem("shared", "shared"));
    }

    @Test
    void rwsemSharedExclusiveConflicts() {
        assertEquals(List.of("t, allocating 1 KERNEL, may enter shrinker sh, which takes r (held by t): it would wait "
                + "for itself"), messages(rwsem("shared", ""), "reclaim-recursion"));
        assertEquals(List.of("t, allocating 1 KERNEL, may enter shrinker sh, which takes r shared (held by t): it "
                + "would wait for itself"), messages(rwsem("", "shared"), "reclaim-recursion"));
    }

    @Test
    void rwsemSharedHoldersCloseNoCycleForASharedWaiter() {
        String sys = "system s {" + BASE + """
                mutex a in xfs
                rwsem r in xfs
                thread t1 task { lock a  alloc 1 KERNEL  unlock a }
                thread t2 task { lock r %s  lock a  unlock a  unlock r }
                shrinker sh in xfs { scan { lock r shared  unlock r } }
            }""";
        assertTrue(of(check(sys.formatted("shared")), "reclaim-cycle").isEmpty());
        assertEquals(List.of("t1 holds a and, allocating 1 KERNEL, may enter shrinker sh, which takes r shared; t2 "
                + "holds r and waits for a"), messages(check(sys.formatted("")), "reclaim-cycle"));
    }

    // ---- reclaim-cycle ------------------------------------------------------------------------------

    @Test
    void twoCycle() {
        List<Finding> f = check("system s {" + BASE + """
                mutex a in xfs
                mutex b in xfs
                thread t1 task { lock a  alloc 1 KERNEL  unlock a }
                thread t2 task { lock b  lock a  unlock a  unlock b }
                shrinker sh in xfs { scan { lock b  unlock b } }
            }""");
        assertEquals(List.of("t1 holds a and, allocating 1 KERNEL, may enter shrinker sh, which takes b; t2 holds b and "
                + "waits for a"), messages(f, "reclaim-cycle"));
        Finding c = of(f, "reclaim-cycle").get(0);
        assertEquals("s/thread t1", c.declaration());
        assertEquals(2, c.related().size());
        assertEquals(Set.of("reclaim-cycle"), rules(f));
    }

    @Test
    void noCycleWhenTheLockOrderAgrees() {
        List<Finding> f = check("system s {" + BASE + """
                mutex a in xfs
                mutex b in xfs
                thread t1 task { lock a  alloc 1 KERNEL  unlock a }
                thread t2 task { lock a  lock b  unlock b  unlock a }
                shrinker sh in xfs { scan { lock b  unlock b } }
            }""");
        assertEquals(List.of(), f);
    }

    @Test
    void threeCycleWithThreeThreads() {
        List<Finding> f = check("system s {" + BASE + """
                mutex a in xfs
                mutex b in xfs
                mutex c in xfs
                thread t1 task { lock a  lock b  unlock b  unlock a }
                thread t2 task { lock b  lock c  unlock c  unlock b }
                thread t3 task { lock c  alloc 1 KERNEL  unlock c }
                shrinker sh in xfs { scan { lock a  unlock a } }
            }""");
        assertEquals(List.of("t1 holds a and waits for b; t2 holds b and waits for c; t3 holds c and, allocating 1 "
                + "KERNEL, may enter shrinker sh, which takes a"), messages(f, "reclaim-cycle"));
        assertEquals("s/thread t3", of(f, "reclaim-cycle").get(0).declaration(), "declared where reclaim enters");
    }

    @Test
    void noCycleWhenItNeedsTheSameThreadTwice() {
        List<Finding> f = check("system s {" + BASE + """
                mutex a in xfs
                mutex b in xfs
                thread t task {
                    lock a  alloc 1 KERNEL  unlock a
                    lock b  lock a  unlock a  unlock b
                }
                shrinker sh in xfs { scan { lock b  unlock b } }
            }""");
        assertTrue(of(f, "reclaim-cycle").isEmpty());
    }

    @Test
    void noCycleWithoutReclaim() {
        List<Finding> f = check("system s {" + BASE + """
                mutex a in xfs
                mutex b in xfs
                thread t1 task { lock a  lock b  unlock b  unlock a }
                thread t2 task { lock b  lock a  unlock a  unlock b }
            }""");
        assertEquals(List.of(), f, "a plain lock-order inversion is not a reclaim cycle");
    }

    private static final String KSWAPD_CASE = "system s {" + BASE + """
                block loop0 on xfs served by w
                dm    top on loop0
                mutex a in top
                %s
                thread w serves loop0 scope NOFS { lock a  unlock a }
                shrinker sh in top { scan { lock a  if fs { write top }  unlock a } }
            }""";

    @Test
    void kswapdReclaimsWithTheWidestContext() {
        List<Finding> f = check(KSWAPD_CASE.formatted("thread kswapd0 kswapd"));
        assertEquals(List.of("kswapd0 holds a and waits for IO on top (served by w); w, serving loop0, waits for a"),
                messages(f, "reclaim-cycle"));
        assertEquals("s/thread kswapd0", of(f, "reclaim-cycle").get(0).declaration());
    }

    @Test
    void withoutKswapdNobodyReclaimsWithFs() {
        List<Finding> f = check(KSWAPD_CASE.formatted(""));
        assertTrue(of(f, "reclaim-cycle").isEmpty());
    }

    // ---- layering and gate-unsound ------------------------------------------------------------------

    @Test
    void layeringNeedsAWaitUnderTheContext() {
        String sys = "system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                mutex m in thin0
                thread w serves loop0 { call dio }
                op dio in xfs { alloc 1 %s }
                shrinker sh in thin0 { scan { if io { lock m  unlock m } } }
            }""";
        assertEquals(List.of("w, allocating 1 KERNEL in op dio for loop0, may enter shrinker sh of thin0, which is on "
                + "loop0"), messages(check(sys.formatted("KERNEL")), "layering"));
        assertTrue(of(check(sys.formatted("NOIO")), "layering").isEmpty());
    }

    @Test
    void fillDoesNotPutItsInstanceOnTheStack() {
        List<Finding> f = check("system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                mutex m in thin0
                thread w serves loop0 scope NOIO { }
                thread reader task { fill xfs 4 KERNEL  fill loop0 1 KERNEL }
                shrinker sh in thin0 { scan { lock m  unlock m } }
            }""");
        assertTrue(of(f, "layering").isEmpty());
    }

    @Test
    void gateUnsoundOnlyWhenEveryGuardAboveWasDropped() {
        String sys = "system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                mutex m in thin0
                thread w serves loop0 scope NOIO { }
                thread t task { call op1 }
                op op1 in xfs { alloc 1 %s }
                shrinker sh in thin0 { scan { if io { lock m  unlock m } } }
            }""";
        List<Finding> nofs = check(sys.formatted("NOFS"));
        assertEquals(List.of("NOFS in op op1 of xfs drops fs but keeps io, which admits shrinker sh of thin0; thin0 is "
                + "on loop0 on xfs: no permission bit can tell them apart"), messages(nofs, "gate-unsound"));
        List<Finding> kernel = check(sys.formatted("KERNEL"));
        assertEquals(1, of(kernel, "layering").size());
        assertTrue(of(kernel, "gate-unsound").isEmpty(), "KERNEL keeps fs: the gate was not even tried");
        assertEquals(List.of(), check(sys.formatted("NOIO")));
    }

    @Test
    void messagesNameTheEffectiveContextUnderAScope() {
        List<Finding> f = check("system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                mutex m in thin0
                thread w serves loop0 scope NOFS { alloc 1 KERNEL }
                thread t task { scope NOFS { call op1 } }
                op op1 in xfs { alloc 1 KERNEL }
                shrinker sh in thin0 { scan { if io { lock m  unlock m } } }
            }""");
        assertEquals(List.of("KERNEL narrowed to NOFS in op op1 of xfs drops fs but keeps io, which admits shrinker sh "
                + "of thin0; thin0 is on loop0 on xfs: no permission bit can tell them apart"),
                messages(f, "gate-unsound"));
        assertEquals(List.of(
                "w, allocating 1 KERNEL (effective NOFS) for loop0, may enter shrinker sh of thin0, which is on loop0",
                "t, allocating 1 KERNEL (effective NOFS) in op op1 for xfs, may enter shrinker sh of thin0, which is on "
                        + "loop0 on xfs"), messages(f, "layering"));
        assertEquals(List.of("w serves loop0 (layer block) but may allocate 1 KERNEL (effective NOFS), which admits "
                + "shrinker sh of thin0 (layer dm, guarded by io): wrap it in scope NOIO"), messages(f, "io-path-context"));
    }

    @Test
    void gateUnsoundIgnoresUnguardedSources() {
        List<Finding> f = check("system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                mutex m in thin0
                thread w serves loop0 scope NOIO { }
                thread t task { call op1 }
                op op1 in xfs { alloc 1 NOFS }
                shrinker sh in thin0 unguarded { scan { lock m  unlock m } }
            }""");
        assertEquals(Set.of("layering"), rules(f));
    }

    // ---- upward-gate ------------------------------------------------------------------------------

    @Test
    void upwardGateOncePerPermission() {
        List<Finding> f = check("system s {" + BASE + """
                dm thin0 on xfs
                shrinker sh in thin0 { count { if fs { } } scan { if io { } if fs { } } }
                shrinker own in thin0 guarded by fs { scan { if fs { } } }
                shrinker top in xfs { scan { if fs { } } }
            }""");
        assertEquals(List.of("shrinker sh of thin0 (layer dm) tests fs, which guards layer fs above it: the allocating "
                + "layer should narrow its own context instead"), messages(f, "upward-gate"));
        assertEquals(2, f.get(0).related().size());
    }

    // ---- io-path-context --------------------------------------------------------------------------

    @Test
    void ioPathContextIgnoresUnguardedAndLowerSources() {
        String sys = "system s {" + BASE + """
                block loop0 on xfs served by w
                dm    thin0 on loop0
                device sdb
                thread w serves loop0 { alloc 1 KERNEL }
                shrinker low in sdb guarded by io { scan { } }
                %s
            }""";
        assertTrue(of(check(sys.formatted("shrinker sh in thin0 unguarded { scan { clean thin0 } }")),
                "io-path-context").isEmpty());
        assertEquals(List.of("w serves loop0 (layer block) but may allocate 1 KERNEL, which admits shrinker sh of thin0 "
                + "(layer dm, guarded by io): wrap it in scope NOIO"),
                messages(check(sys.formatted("shrinker sh in thin0 { scan { } }")), "io-path-context"),
                "judges contexts whatever the waits");
        assertEquals(List.of("w serves loop0 (layer block) but may allocate 1 KERNEL, which admits shrinker fsx of xfs "
                + "(layer fs, guarded by fs): wrap it in scope NOIO"),
                messages(check(sys.formatted("shrinker fsx in xfs { scan { } }")), "io-path-context"));
    }

    @Test
    void ioPathContextOnlyForServers() {
        List<Finding> f = check("system s {" + BASE + """
                dm thin0 on xfs
                thread t task { alloc 1 KERNEL }
                workqueue q { alloc 1 KERNEL }
                shrinker sh in thin0 { scan { } }
            }""");
        assertFalse(rules(f).contains("io-path-context"));
    }
}
