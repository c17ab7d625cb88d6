package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** IO routing along the first {@code on} edge, server queues and pools, write/submit/wait, clean. */
class IoTest {
    private static final String STACK = """
            system io {
                memory 100 pages min 0 low 0 high 0
                device sda
                block loop0 on sda served by w
                dm thin0 on loop0
                dm side on sda, loop0
                cache thin0 8
                thread w serves loop0 { write sda }
                thread u task { write thin0 }
                thread v task { write side }
                thread a task { dirty thin0 4  submit thin0 }
                thread b task { clean thin0 }
                thread c task { submit thin0  wait thin0 }
            }
            """;

    @Test
    void ioFollowsOnChainsToTheServedInstanceAndWaitsForItsServer() {
        Harness h = new Harness(STACK);
        assertFalse(h.runnable("w"), "an idle server is not runnable");
        assertFalse(h.blocked("w"), "and not blocked either");
        h.step("u");
        assertEquals(1, h.queued("loop0"), "IO to thin0 passes to loop0, which has a server");
        assertTrue(h.blocked("u"));
        h.step("w");
        assertEquals(0, h.queued("loop0"));
        assertTrue(h.blocked("u"), "still in service");
        h.step("w");
        assertTrue(h.runnable("u"), "the server completed it");
    }

    @Test
    void onlyTheFirstOnEdgeIsFollowed() {
        Harness h = new Harness(STACK);
        h.step("v");
        assertEquals(0, h.queued("loop0"), "side is on sda first: the device completes it");
        assertTrue(h.runnable("v"));
    }

    @Test
    void submitDoesNotWaitAndWaitWaitsForOwnIo() {
        Harness h = new Harness(STACK);
        h.step("c");
        assertTrue(h.runnable("c"), "submit returns at once");
        h.step("c");
        assertTrue(h.blocked("c"), "wait waits for its own outstanding IO");
        h.steps("w", 2);
        assertTrue(h.runnable("c"));
    }

    @Test
    void ioCarriesDirtyPagesAndMergesWithTheSameThreadsQueuedRequest() {
        Harness h = new Harness(STACK);
        h.step("a");
        assertEquals(4, h.dirty("thin0"));
        h.step("a");
        assertEquals(0, h.dirty("thin0"));
        assertEquals(4, h.writeback("thin0"));
        h.steps("a", 2);
        assertEquals(1, h.queued("loop0"), "merged into the request still waiting in the queue");
        assertEquals(8, h.writeback("thin0"));
        h.steps("w", 2);
        assertEquals(0, h.writeback("thin0"));
        assertEquals(8, h.clean("thin0"));
    }

    @Test
    void cleanWithNothingDirtyAndNothingInFlightDoesNothing() {
        Harness h = new Harness(STACK);
        h.step("b");
        assertTrue(h.runnable("b"));
        assertEquals(0, h.queued("loop0"));
    }

    @Test
    void cleanWritesDirtyPagesAndWaits() {
        Harness h = new Harness(STACK);
        h.step("a");
        h.step("b");
        assertTrue(h.blocked("b"));
        assertEquals(4, h.writeback("thin0"));
        h.steps("w", 2);
        assertTrue(h.runnable("b"));
        assertEquals(8, h.clean("thin0"));
    }

    @Test
    void cleanWaitsForIoAlreadyInFlightFromAnyThread() {
        Harness h = new Harness(STACK);
        h.steps("a", 2);
        assertEquals(0, h.dirty("thin0"));
        h.step("b");
        assertTrue(h.blocked("b"), "nothing dirty, but a's write-back of thin0 is in flight");
        h.steps("w", 2);
        assertTrue(h.runnable("b"));
    }

    @Test
    void aServerSendingIoToItselfWaitsInItsOwnQueue() {
        Harness h = new Harness("""
                system self {
                    device sda
                    block loop0 on sda served by w
                    thread w serves loop0 { write loop0 }
                    thread u task { write loop0 }
                }
                """);
        h.step("u");
        h.step("w");
        h.step("w");
        assertEquals(1, h.queued("loop0"));
        assertEquals(h.mask("w", "u"), h.deadlock());
        Explain.Shape shape = new Explain(h.m, null).shape(h.s, h.deadlock());
        assertEquals("self-wait", shape.kind());
    }

    @Test
    void aPoolServesOneQueueWithWhicheverServerIsIdle() {
        Harness h = new Harness("""
                system pool {
                    device sda
                    block md on sda served by w1, w2
                    thread w1 serves md { write sda }
                    thread w2 serves md { write sda }
                    thread u task { write md }
                    thread v task { write md }
                }
                """);
        h.step("u");
        h.step("v");
        assertEquals(2, h.queued("md"));
        h.step("w2");
        assertTrue(h.runnable("w1"), "the other request still waits for an idle server");
        h.step("w1");
        assertEquals(0, h.queued("md"));
        h.step("w1");
        assertTrue(h.runnable("v"), "FIFO: w2 took u's request and w1 v's; w1 finished first");
        assertTrue(h.blocked("u"));
    }
}
