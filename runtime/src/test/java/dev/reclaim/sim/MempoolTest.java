package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mempools: take waits while empty, give returns an element; exhaustion is a deadlock kind. */
class MempoolTest {
    @Test
    void takeWaitsWhileEmptyAndGiveReturns() {
        Harness h = new Harness("""
                system mp {
                    device sda
                    fs c on sda
                    mempool pool in c size 1
                    thread a task { take pool  give pool }
                    thread b task { take pool  give pool }
                }
                """);
        h.step("a");
        assertEquals(0, h.poolLeft("pool"));
        assertTrue(h.blocked("b"));
        assertEquals(0, h.deadlock(), "a can give it back");
        h.step("a");
        assertEquals(1, h.poolLeft("pool"));
        assertTrue(h.runnable("b"));
    }

    @Test
    void twoHoldersWaitingForTheRestAreMempoolExhaustion() {
        Harness h = new Harness("""
                system mp {
                    device sda
                    fs c on sda
                    mempool pool in c size 2
                    thread a task { take pool  take pool  give pool  give pool }
                    thread b task { take pool  take pool  give pool  give pool }
                }
                """);
        h.step("a");
        h.step("b");
        assertFalse(h.runnable("a"));
        assertEquals(h.mask("a", "b"), h.deadlock());
        SimResult r = h.simulate(Simulator.Mode.EXHAUSTIVE);
        assertEquals("mempool exhaustion", r.found().kind());
        assertEquals(java.util.List.of("a", "b"), r.found().cycle());
    }
}
