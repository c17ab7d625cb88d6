package dev.reclaim.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.Seeds;
import dev.reclaim.testing.TestSystems;

class SystemStructureTest {

    private static List<String> check(String text) {
        return FindingText.of(SystemStructure.check(TestSystems.parse(text)));
    }

    @Test
    void seedSystemIsStructurallySound() {
        assertEquals(List.of(), check(Seeds.SEED_2019_BUGGY));
    }

    @Test
    void instanceCycleNamesTheCycle() {
        List<Finding> f = SystemStructure.check(TestSystems.parse("""
                system s {
                    device sda
                    block loop0 on xfs, sda
                    fs xfs on loop0
                }
                """));
        assertEquals(List.of("instance-cycle:3: instance on-edges form a cycle: loop0 on xfs on loop0"),
                FindingText.of(f));
        assertEquals("s/instance loop0", f.get(0).declaration());
        assertEquals("s", f.get(0).system());
    }

    @Test
    void loopStackWithoutInstanceCycleIsFine() {
        // layers may cycle through loop (block on fs on block); instances may not
        assertEquals(List.of(), check("""
                system s {
                    device sda
                    fs xfs on sda
                    block loop0 on xfs
                    fs ext4 on loop0
                }
                """));
    }

    @Test
    void servesMismatchBothDirections() {
        assertEquals(List.of(
                "serves-mismatch:5: thread w serves loop0, but loop0 does not list it in 'served by'",
                "serves-mismatch:3: loop1 is served by t, but thread t does not serve it"), check("""
                system s {
                    block loop0
                    block loop1 served by t
                    thread t task { }
                    thread w serves loop0 { }
                }
                """));
    }

    @Test
    void servesThatAgreeAreFine() {
        assertEquals(List.of(), check("""
                system s {
                    block loop0 served by w1, w2
                    thread w1 serves loop0 { }
                    thread w2 serves loop0 { }
                }
                """));
    }

    @Test
    void stopOutsideShrinkerBodies() {
        List<Finding> f = SystemStructure.check(TestSystems.parse("""
                system s {
                    block b
                    mutex m in b
                    thread t task { if fs { stop } }
                    op o in b { trylock m else stop }
                    workqueue w { stop }
                }
                """));
        assertEquals(List.of(
                "stop-outside-shrinker:4: stop in thread t: only a shrinker's count or scan can stop",
                "stop-outside-shrinker:5: trylock m else stop in op o: only a shrinker's count or scan can stop "
                        + "(an op cannot return SHRINK_STOP for a shrinker that calls it)",
                "stop-outside-shrinker:6: stop in workqueue w: only a shrinker's count or scan can stop"),
                FindingText.of(f));
        assertEquals(List.of("s/thread t", "s/op o", "s/workqueue w"),
                f.stream().map(Finding::declaration).toList());
    }

    @Test
    void stopInsideShrinkerBranchesIsFine() {
        assertEquals(List.of(), check("""
                system s {
                    block b
                    mutex m in b
                    shrinker sh in b {
                        count { if fs { stop } }
                        scan {
                            trylock m else { stop }
                            scope NOIO { if io { stop } }
                        }
                    }
                }
                """));
    }

    @Test
    void memoryMissingWhenTheSystemAllocates() {
        assertEquals(List.of("memory:1: system s allocates (alloc at line 3) but declares no memory: add "
                + "'memory N pages min A low B high C'"), check("""
                system s {
                    fs x
                    op o in x { alloc 1 KERNEL }
                    thread t task { fill x 4 NOFS }
                }
                """));
    }

    @Test
    void memoryMissingWhenTheSystemCaches() {
        assertEquals(List.of("memory:3: system s caches pages (cache at line 4) but declares no memory: add "
                + "'memory N pages min A low B high C'"), check("""
                // a comment moves the system to line 3

                system s {
                    cache x 4
                    fs x
                }
                """));
    }

    @Test
    void memoryMissingForAPlainWorkqueue() {
        assertEquals(List.of("memory:1: system s allocates (workqueue w is not memreclaim: its worker allocates a page "
                + "to start) but declares no memory: add 'memory N pages min A low B high C'"), check("""
                system s {
                    workqueue w { }
                    workqueue r memreclaim { }
                    thread t task { queue w queue r }
                }
                """));
    }

    @Test
    void memoryNotNeededWithoutAllocations() {
        assertEquals(List.of(), check("""
                system s {
                    fs x
                    workqueue r memreclaim { }
                    thread t task { write x free 1 queue r }
                }
                """));
    }

    @Test
    void watermarksOutOfOrder() {
        assertEquals(List.of("memory:2: watermarks out of order: need min <= low <= high <= pages, got min 16 low 48 "
                + "high 32 with 256 pages"), check("""
                system s {
                    memory 256 pages min 16 low 48 high 32
                }
                """));
        assertEquals(List.of("memory:2: watermarks out of order: need min <= low <= high <= pages, got min 1 low 2 "
                + "high 300 with 256 pages"), check("""
                system s {
                    memory 256 pages min 1 low 2 high 300
                }
                """));
    }

    @Test
    void equalWatermarksAreInOrder() {
        assertEquals(List.of(), check("""
                system s {
                    memory 64 pages min 8 low 8 high 64
                }
                """));
    }

    @Test
    void mempoolNeedsAnElement() {
        assertEquals(List.of("invalid:3: mempool p has size 0: a mempool needs at least one element"), check("""
                system s {
                    block b
                    mempool p in b size 0
                    mempool q in b size 1
                }
                """));
    }

    @Test
    void duplicateNamesPerKind() {
        assertEquals(List.of(
                "duplicate-name:3: duplicate instance name 'b' (first declared at line 2)",
                "duplicate-name:5: duplicate lock name 'm' (first declared at line 4)",
                "duplicate-name:7: duplicate thread name 't' (first declared at line 6)"), check("""
                system s {
                    block b
                    dm b
                    mutex m in b
                    rwsem m in b
                    thread t task { }
                    thread t kswapd
                    op t in b { }
                    shrinker t in b { scan { } }
                    workqueue t memreclaim { }
                    mempool t in b size 1
                }
                """));
    }

    @Test
    void unknownNamesInDeclarations() {
        assertEquals(List.of(
                "unknown-name:2: instance a has unknown layer 'fss'",
                "unknown-name:2: instance a is on unknown instance 'sdb'",
                "unknown-name:2: instance a is served by unknown thread 'w9'",
                "unknown-name:3: thread w serves unknown instance 'loop9'",
                "unknown-name:4: mutex m is in unknown instance 'nowhere'",
                "unknown-name:5: mempool p is in unknown instance 'nowhere'",
                "unknown-name:6: op o is in unknown instance 'nowhere'",
                "unknown-name:7: shrinker sh is in unknown instance 'nowhere'",
                "unknown-name:7: shrinker sh is guarded by unknown permission 'fsx'",
                "unknown-name:8: cache of unknown instance 'nowhere'"), check("""
                system s {
                    fss a on sdb served by w9
                    thread w serves loop9 { }
                    mutex m in nowhere
                    mempool p in nowhere size 1
                    op o in nowhere { }
                    shrinker sh in nowhere guarded by fsx { scan { } }
                    cache nowhere 3
                    memory 10 pages min 1 low 2 high 3
                }
                """));
    }

    @Test
    void unknownNamesInStatementsAndSharedMutex() {
        assertEquals(List.of(
                "unknown-name:5: unknown lock 'l9'",
                "unknown-name:6: unknown instance 'x9'",
                "unknown-name:7: unknown op 'o9'",
                "unknown-name:8: unknown workqueue 'w9'",
                "unknown-name:9: unknown mempool 'p9'",
                "unknown-name:10: unknown permission 'fss'",
                "invalid:11: lock m shared: m is a mutex, which has no shared side (only an rwsem does)"), check("""
                system s {
                    block b
                    mutex m in b
                    rwsem r in b
                    thread t task { lock l9
                        write x9
                        call o9
                        queue w9
                        take p9
                        if fss { }
                        lock m shared
                        lock r shared
                    }
                }
                """));
    }
}
