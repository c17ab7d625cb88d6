package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Effective contexts: declared context ∩ enclosing scopes ∩ the thread's scope; {@code if PERM}
 * per rule 8 (the reclaim context inside shrinkers, the scope mask elsewhere).
 */
class ScopeTest {
    /** The shrinker stops (frees nothing) when the reclaim context has io, else frees a batch. */
    private static String system(String threadScope, String body) {
        return """
                system sc {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    mutex m in c
                    cache c 85
                    thread t task %s { %s }
                    shrinker s in c { scan { if io { stop } } }
                }
                """.formatted(threadScope, body);
    }

    private static boolean reclaimed(String threadScope, String body) {
        Harness h = new Harness(system(threadScope, body));
        h.step("t");
        h.step("t");
        return !h.blocked("t");
    }

    @Test
    void kernelAllocationReclaimsWithIo() {
        assertFalse(reclaimed("", "alloc 10 KERNEL"), "io set: the shrinker stops, the pass frees nothing");
    }

    @Test
    void aScopeNarrowsTheAllocation() {
        assertTrue(reclaimed("", "scope NOIO { alloc 10 KERNEL }"));
    }

    @Test
    void theThreadScopeNarrowsTheAllocation() {
        assertTrue(reclaimed("scope NOIO", "alloc 10 KERNEL"));
    }

    @Test
    void scopesOnlyNarrow() {
        assertTrue(reclaimed("scope NOIO", "scope KERNEL { alloc 10 KERNEL }"), "a wider nested scope has no effect");
        assertTrue(reclaimed("scope NOFS", "scope NOIO { alloc 10 KERNEL }"));
    }

    @Test
    void ifOutsideAShrinkerTestsTheScopeMask() {
        Harness h = new Harness(system("scope NOIO", "if io { lock m  unlock m } else { alloc 1 NONE }"));
        assertEquals("alloc 1 NONE", h.at("t"));
        Harness all = new Harness(system("", "if io { lock m  unlock m } else { alloc 1 NONE }"));
        assertEquals("lock m", all.at("t"), "outside every scope a thread has every permission");
    }

    @Test
    void workRunsOutsideEveryScope() {
        Harness h = new Harness("""
                system w {
                    device sda
                    fs c on sda
                    mutex m in c
                    workqueue wq memreclaim { if io { lock m  unlock m } }
                    thread t task scope NOIO { queue wq }
                }
                """);
        h.step("t");
        h.step("kworker/wq");
        assertEquals("lock m", h.at("kworker/wq"), "the queuing thread's NOIO scope is not inherited");
    }
}
