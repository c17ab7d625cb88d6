package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule 9: sets of blocked threads only each other could release, even while others run. */
class DeadlockTest {
    @Test
    void foundWhileOtherThreadsStillRun() {
        Harness h = new Harness("""
                system d {
                    device sda
                    fs f on sda
                    mutex x in f
                    mutex y in f
                    mutex z in f
                    thread a task { lock x  lock y  unlock y  unlock x }
                    thread b task { lock y  lock x  unlock x  unlock y }
                    thread c task { lock z  unlock z }
                }
                """);
        h.step("a");
        h.step("b");
        assertTrue(h.runnable("c"));
        assertEquals(h.mask("a", "b"), h.deadlock());
        assertEquals("lock/IO cycle", new Explain(h.m, null).shape(h.s, h.deadlock()).kind());
    }

    @Test
    void aWaitSomeoneOutsideCanEndIsNoDeadlock() {
        Harness h = new Harness("""
                system d {
                    device sda
                    fs f on sda
                    mutex x in f
                    thread a task { lock x  unlock x }
                    thread b task { lock x  unlock x }
                }
                """);
        h.step("a");
        assertTrue(h.blocked("b"));
        assertEquals(0, h.deadlock());
    }

    @Test
    void idleServersAndSleepingKswapdAreNotBlocked() {
        Harness h = new Harness("""
                system d {
                    memory 100 pages min 10 low 20 high 30
                    device sda
                    block loop0 on sda served by w
                    thread kswapd0 kswapd
                    thread w serves loop0 { write sda }
                }
                """);
        assertEquals(0, h.m.runnableMask(h.s));
        assertEquals(0, h.deadlock());
        assertFalse(h.blocked("w"));
        assertFalse(h.blocked("kswapd0"));
    }

    @Test
    void memoryOnlyTheSetCouldFreeIsStarvation() {
        String text = """
                system d {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs f on sda
                    thread t task { alloc 50 NOWAIT }
                    %s
                }
                """;
        Harness h = new Harness(text.formatted(""));
        h.steps("t", 1);
        h.step("t");
        assertTrue(h.blocked("t"));
        assertEquals(h.mask("t"), h.deadlock());
        Harness freer = new Harness(text.formatted("thread u task { free 1 }"));
        freer.steps("t", 2);
        assertTrue(freer.blocked("t"));
        assertEquals(0, freer.deadlock(), "u may free memory");
    }

    @Test
    void aFilteredSearchFindsWhatCheckingEveryStateFinds() {
        for (String[] ex : Examples.ALL) {
            Harness h = new Harness(ExampleSystems.load(ex[0], ex[1]));
            Exhaustive filtered = new Exhaustive(h.m);
            Exhaustive every = new Exhaustive(h.m);
            every.checkEveryState = true;
            Exhaustive.Result a = filtered.search(300_000, 0, Progress.NONE);
            Exhaustive.Result b = every.search(300_000, 0, Progress.NONE);
            assertEquals(b.found(), a.found(), ex[1]);
            assertEquals(b.states(), a.states(), ex[1]);
        }
    }
}
