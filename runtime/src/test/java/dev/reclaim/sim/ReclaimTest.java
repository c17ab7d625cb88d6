package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules 2 and 3 of LANGUAGE.md §4: the reclaim pass and allocations below min; PF_MEMALLOC. */
class ReclaimTest {
    @Test
    void aPassRunsEveryShrinkerInOrderCountThenScanAndStopEndsOnlyThatPart() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 60
                    thread t task { alloc 45 KERNEL  free 45 }
                    shrinker s1 in c { count { stop } scan { alloc 1 NONE } }
                    shrinker s2 in c { count { } scan { stop } }
                    shrinker s3 in c unguarded { scan { } }
                }
                """);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(h.at("t"));
            h.step("t");
        }
        assertEquals(List.of("alloc 45 KERNEL", "shrinker s1 count", "shrinker s2 count", "shrinker s2 scan",
                "shrinker s3 scan", "free 45"), seen.subList(0, 6));
        assertEquals(40 + 32, h.free(), "s3 freed 32 (s2's stopped scan freed nothing); 45 taken, then freed");
    }

    @Test
    void theAllocatorTakesWhatItsPassFreedBeforeAnyoneElseRuns() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 60
                    thread t task { alloc 45 KERNEL  free 45 }
                    thread greedy task { alloc 40 NONE  free 40 }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        h.step("t");
        h.step("t");
        assertEquals("free 45", h.at("t"), "the pass ended and the re-check allocated in the same step");
        assertEquals(40 + 32 - 45, h.free());
    }

    @Test
    void passesRepeatWhileTheyFreeSomethingThenTheAllocationBlocks() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 40
                    thread t task { alloc 95 KERNEL }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        h.step("t");
        h.step("t");
        assertEquals(92, h.free(), "first pass freed 32, still short: straight into a second pass");
        assertTrue(h.inPass("t"));
        h.step("t");
        assertEquals(100, h.free());
        assertTrue(h.inPass("t"), "the second pass freed 8: a third");
        h.step("t");
        assertFalse(h.inPass("t"));
        assertTrue(h.blocked("t"), "a pass freed nothing: wait for memory");
        assertEquals("alloc 95 KERNEL", h.at("t"));
        assertEquals(h.mask("t"), h.deadlock(), "and nobody else could free any");
        Explain ex = new Explain(h.m, null);
        assertEquals("memory starvation", ex.shape(h.s, h.deadlock()).kind());
    }

    @Test
    void aContextWithoutDirectBlocksAtOnce() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 60
                    thread t task { alloc 35 NOWAIT }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        h.step("t");
        assertEquals(40, h.free());
        assertFalse(h.inPass("t"), "no reclaim pass without direct");
        assertTrue(h.blocked("t"));
    }

    @Test
    void pfMemallocAllocationsIgnoreMinAndNeverReclaim() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 40
                    thread t task { alloc 55 KERNEL  free 55 }
                    shrinker grab in c { scan { alloc 55 KERNEL  free 55 } }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        h.step("t");
        assertEquals("shrinker grab scan", h.at("t"));
        h.step("t");
        h.step("t");
        assertEquals(5, h.free(), "below min, inside the shrinker: allowed");
        assertTrue(h.inPass("t"));
        assertEquals("free 55", h.at("t"), "still in the first pass: no reclaim from inside reclaim");
    }

    @Test
    void pfMemallocStillNeedsThePages() {
        Harness h = new Harness("""
                system r {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    cache c 40
                    thread t task { alloc 55 KERNEL  free 55 }
                    shrinker grab in c { scan { alloc 70 KERNEL  free 70 } }
                }
                """);
        h.steps("t", 2);
        assertEquals("alloc 70 KERNEL", h.at("t"));
        h.step("t");
        assertTrue(h.blocked("t"), "60 free, 70 wanted: even PF_MEMALLOC waits");
    }
}
