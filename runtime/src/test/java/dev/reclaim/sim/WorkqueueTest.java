package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule 6: queue never blocks, pending work is not queued twice, memreclaim rescuers, plain workers allocate. */
class WorkqueueTest {
    private static final String SYSTEM = """
            system wq {
                memory 100 pages min 10 low 0 high 0
                device sda
                fs c on sda
                mutex m in c
                workqueue mr memreclaim { lock m  unlock m }
                workqueue plain { lock m  unlock m }
                thread q task { queue mr  queue plain }
            }
            """;

    @Test
    void queueNeverBlocksAndPendingWorkIsNotQueuedTwice() {
        Harness h = new Harness(SYSTEM);
        assertFalse(h.runnable("kworker/mr"), "an idle worker is not runnable");
        assertFalse(h.blocked("kworker/mr"), "nor blocked");
        h.steps("q", 3);
        assertEquals("queue plain", h.at("q"), "the queuing thread went on; the work did not run in it");
        assertTrue(h.runnable("kworker/mr"));
        h.step("kworker/mr");
        assertEquals("lock m", h.at("kworker/mr"));
        h.steps("kworker/mr", 2);
        assertEquals("start work mr", h.at("kworker/mr"));
        assertFalse(h.runnable("kworker/mr"), "queued twice while pending: ran once");
    }

    @Test
    void aMemreclaimWorkerStartsWithoutAllocating() {
        Harness h = new Harness(SYSTEM);
        h.step("q");
        h.step("kworker/mr");
        assertEquals(100, h.free());
    }

    @Test
    void aPlainWorkerAllocatesOnePageKernelBeforeEachItem() {
        Harness h = new Harness(SYSTEM);
        h.steps("q", 2);
        h.step("kworker/plain");
        assertEquals("alloc 1 KERNEL", h.at("kworker/plain"));
        h.step("kworker/plain");
        assertEquals(99, h.free());
        assertEquals("lock m", h.at("kworker/plain"));
        h.steps("kworker/plain", 2);
        assertEquals(100, h.free(), "the page is returned when the item ends");
    }

    @Test
    void aPlainWorkerMayBlockForMemoryBeforeStarting() {
        Harness h = new Harness("""
                system wq {
                    memory 100 pages min 10 low 0 high 0
                    device sda
                    fs c on sda
                    workqueue plain { }
                    thread hog task { alloc 90 NOWAIT }
                    thread q task { queue plain }
                }
                """);
        h.step("hog");
        h.step("q");
        h.step("kworker/plain");
        h.step("kworker/plain");
        assertTrue(h.blocked("kworker/plain"));
        assertEquals("alloc 1 KERNEL", h.at("kworker/plain"));
        h.step("hog");
        assertEquals(h.mask("hog", "kworker/plain"), h.deadlock(), "q still runs, but cannot free memory");
        assertEquals("memory starvation", new Explain(h.m, null).shape(h.s, h.deadlock()).kind());
    }
}
