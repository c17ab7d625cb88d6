package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mutexes and rwsems (LANGUAGE.md §2): writer preference, no re-entry, no hand-over on unlock, trylock. */
class LocksTest {
    private static String rwsem(String preference) {
        return """
                system s {
                    device sda
                    fs f on sda
                    rwsem sem in f %s
                    thread r1 task { lock sem shared  unlock sem }
                    thread w task { lock sem  unlock sem }
                    thread r2 task { lock sem shared  unlock sem }
                }
                """.formatted(preference);
    }

    @Test
    void writerPreferringRwsemQueuesNewReadersBehindAWaitingWriter() {
        Harness h = new Harness(rwsem(""));
        h.step("r1");
        assertFalse(h.runnable("w"), "a writer waits while a reader holds it");
        assertFalse(h.runnable("r2"), "a new reader queues behind the waiting writer");
        assertTrue(h.blocked("r2"));
        h.step("r1");
        assertTrue(h.runnable("w"));
        assertTrue(h.runnable("r2"), "with no holder, both may race for it");
    }

    @Test
    void writerPreferenceIsTheDefaultAndCanBeDeclared() {
        Harness h = new Harness(rwsem("writer-preferring"));
        h.step("r1");
        assertFalse(h.runnable("r2"));
    }

    @Test
    void readerPreferringRwsemLetsReadersPastAWaitingWriter() {
        Harness h = new Harness(rwsem("reader-preferring"));
        h.step("r1");
        assertFalse(h.runnable("w"));
        assertTrue(h.runnable("r2"));
        h.step("r2");
        assertFalse(h.runnable("w"), "two readers hold it now");
    }

    @Test
    void aWriterExcludesReaders() {
        Harness h = new Harness(rwsem(""));
        h.step("w");
        assertFalse(h.runnable("r1"));
        assertFalse(h.runnable("r2"));
    }

    @Test
    void locksAreNotReentrant() {
        Harness h = new Harness("""
                system s {
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  lock m  unlock m  unlock m }
                }
                """);
        h.step("a");
        assertTrue(h.blocked("a"));
        assertEquals(h.mask("a"), h.deadlock(), "a thread waiting for a lock it holds is a deadlock on its own");
    }

    @Test
    void unlockHandsNothingOver() {
        Harness h = new Harness("""
                system s {
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  unlock m }
                    thread b task { lock m  unlock m }
                }
                """);
        h.step("a");
        assertFalse(h.runnable("b"));
        h.step("a");
        assertTrue(h.runnable("a"), "the releasing thread competes again at once");
        assertTrue(h.runnable("b"));
        h.step("a");
        assertFalse(h.runnable("b"), "and may take it again before the waiter");
    }

    @Test
    void trylockTakesAFreeLockOrRunsItsElseBlock() {
        Harness h = new Harness("""
                system s {
                    memory 100 pages min 0 low 0 high 0
                    device sda
                    fs f on sda
                    mutex m in f
                    thread a task { lock m  unlock m }
                    thread b task { trylock m else { alloc 1 NONE }  unlock m }
                }
                """);
        h.step("b");
        assertEquals("unlock m", h.at("b"), "taken: on to the next statement");
        h.step("b");
        h.step("a");
        h.step("b");
        assertEquals("alloc 1 NONE", h.at("b"), "busy: the else block");
        assertTrue(h.runnable("b"), "trylock never waits");
    }
}
