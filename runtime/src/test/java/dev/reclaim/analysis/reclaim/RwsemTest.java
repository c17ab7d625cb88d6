package dev.reclaim.analysis.reclaim;

import static dev.reclaim.testing.FindingText.messages;
import static dev.reclaim.testing.FindingText.of;
import static dev.reclaim.testing.FindingText.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.testing.TestSystems;

/**
 * Writer preference of rwsems (LANGUAGE.md §2): a shared request on a writer-preferring rwsem
 * also waits for a writer queued on it, and that writer waits for the shared holders. Mutexes and
 * reader-preferring rwsems are unaffected.
 */
class RwsemTest {

    private static List<Finding> check(String system) {
        return ReclaimAnalysis.check(TestSystems.parseAfterVocabulary(system));
    }

    private static final String BASE = """
                memory 256 pages min 16 low 32 high 48
                device sda
                fs     xfs on sda
                block  loop0 on xfs served by w
                fs     ext4 on loop0
                shrinker sh in ext4 { scan { clean ext4 } }
            """;

    /**
     * The loop_iolock example in small: the reader holds r shared and reclaims into ext4, whose IO
     * the loop worker serves; the worker's shared request queues behind trunc's exclusive one.
     */
    private static final String THREE = "system s {" + BASE + """
                %s
                thread w serves loop0 scope NOIO { lock r shared  unlock r }
                thread reader task { lock r shared  alloc 1 KERNEL  unlock r }
                %s
            }""";

    private static final String TRUNC = "thread trunc task { lock r  unlock r }";

    @Test
    void writerPreferringThreeThreadCycle() {
        for (String decl : List.of("rwsem r in xfs", "rwsem r in xfs writer-preferring")) {
            List<Finding> f = check(THREE.formatted(decl, TRUNC));
            assertEquals(List.of("w, serving loop0, waits for r shared, queued behind trunc's exclusive request; "
                    + "trunc waits for r, held shared by reader; reader holds r shared and, allocating 1 KERNEL, may "
                    + "enter shrinker sh, which waits for IO on ext4 (served by w)"), messages(f, "reclaim-cycle"),
                    decl);
            assertEquals(Set.of("reclaim-cycle"), rules(f), decl);
            Finding c = f.get(0);
            assertEquals("s/thread reader", c.declaration(), "declared where reclaim enters");
            assertEquals(3, c.related().size(), "one related location per step, the writer's included");
        }
    }

    @Test
    void readerPreferringHasNoQueuedWriter() {
        assertEquals(List.of(), check(THREE.formatted("rwsem r in xfs reader-preferring", TRUNC)));
    }

    @Test
    void sharedSharedWithoutAnExclusiveRequesterDoesNotFire() {
        assertEquals(List.of(), check(THREE.formatted("rwsem r in xfs", "")));
        assertEquals(List.of(), check(THREE.formatted("rwsem r in xfs", "thread trunc task { trylock r else { } }")),
                "a trylock never queues");
    }

    @Test
    void theQueuedWriterMustBeAnotherThread() {
        String readerWrites = "system s {" + BASE + """
                rwsem r in xfs
                thread w serves loop0 scope NOIO { lock r shared  unlock r }
                thread reader task { lock r  unlock r  lock r shared  alloc 1 KERNEL  unlock r }
            }""";
        assertEquals(List.of(), check(readerWrites), "the reader cannot be its own queued writer");
        String workerWrites = "system s {" + BASE + """
                rwsem r in xfs
                thread w serves loop0 scope NOIO { lock r  unlock r  lock r shared  unlock r }
                thread reader task { lock r shared  alloc 1 KERNEL  unlock r }
            }""";
        assertEquals(List.of("w, serving loop0, waits for r; reader holds r shared and, allocating 1 KERNEL, may enter "
                + "shrinker sh, which waits for IO on ext4 (served by w)"), messages(check(workerWrites), "reclaim-cycle"),
                "the worker's own exclusive request conflicts with the reader directly, but it cannot also wait "
                        + "behind itself");
    }

    @Test
    void aMutexIsUnchanged() {
        // `lock r shared` on a mutex is exclusive: the worker waits for the reader's hold directly,
        // and a third thread taking the mutex adds nothing.
        String expected = "w, serving loop0, waits for r; reader holds r and, allocating 1 KERNEL, may enter shrinker "
                + "sh, which waits for IO on ext4 (served by w)";
        List<Finding> with = check(THREE.formatted("mutex r in xfs", TRUNC));
        List<Finding> without = check(THREE.formatted("mutex r in xfs", ""));
        assertEquals(List.of(expected), messages(with, "reclaim-cycle"));
        assertEquals(List.of(expected), messages(without, "reclaim-cycle"));
        assertEquals(Set.of("reclaim-cycle"), rules(with));
    }

    @Test
    void anExclusiveHolderStillBlocksSharedRequestsDirectly() {
        // the worker waits for trunc's exclusive hold; no queued writer is needed, and the cycle
        // through trunc's queued request (which would need trunc twice) is not reported.
        String sys = "system s {" + BASE + """
                %s
                thread w serves loop0 scope NOIO { lock r shared  unlock r }
                thread trunc task { lock r  alloc 1 KERNEL  unlock r }
            }""";
        for (String decl : List.of("rwsem r in xfs", "rwsem r in xfs reader-preferring")) {
            assertEquals(List.of("w, serving loop0, waits for r shared; trunc holds r and, allocating 1 KERNEL, may "
                    + "enter shrinker sh, which waits for IO on ext4 (served by w)"),
                    messages(check(sys.formatted(decl)), "reclaim-cycle"), decl);
        }
    }

    @Test
    void aWriterQueuedInsideReclaim() {
        // kswapd's shrinker requests r exclusively: h holds r shared and waits for a; t holds a
        // and its shared request queues behind kswapd0, which waits for h.
        String sys = "system s {" + BASE + """
                mutex a in xfs
                rwsem r in xfs %s
                %s
                thread w serves loop0 scope NOIO { }
                thread h task { lock r shared  lock a  unlock a  unlock r }
                thread t task { lock a  lock r shared  unlock r  unlock a }
                shrinker wr in xfs { scan { if fs { lock r  unlock r } } }
            }""";
        List<Finding> f = check(sys.formatted("", "thread kswapd0 kswapd"));
        assertEquals(List.of("kswapd0 waits for r in shrinker wr, held shared by h; h holds r shared and waits for a; "
                + "t holds a and waits for r shared, queued behind kswapd0's exclusive request"),
                messages(f, "reclaim-cycle"));
        assertEquals("s/thread kswapd0", of(f, "reclaim-cycle").get(0).declaration());
        assertTrue(of(check(sys.formatted("", "")), "reclaim-cycle").isEmpty(), "nobody reclaims with fs");
        assertTrue(of(check(sys.formatted("reader-preferring", "thread kswapd0 kswapd")), "reclaim-cycle").isEmpty());
    }

    // ---- recursive read ---------------------------------------------------------------------------

    /**
     * A thread that holds r shared and whose reclaim takes r shared again deadlocks once another
     * thread waits for r exclusively in between: reported as {@code reclaim-recursion} (as lockdep
     * reports recursive down_read), not also as a two-thread {@code reclaim-cycle}.
     */
    private static final String RECURSIVE = "system s {" + BASE.replace("served by w", "") + """
                rwsem r in xfs %s
                thread t task { lock r shared  alloc 1 KERNEL  unlock r }
                %s
                shrinker rd in xfs { scan { lock r shared  unlock r } }
            }""";

    @Test
    void recursiveReadBehindAnotherThreadsWriterIsARecursion() {
        List<Finding> f = check(RECURSIVE.formatted("", "thread u task { lock r  unlock r }"));
        assertEquals(List.of("t, allocating 1 KERNEL, may enter shrinker rd, which takes r shared (held shared by t), "
                + "queued behind u's exclusive request: it would wait for itself"), messages(f, "reclaim-recursion"));
        assertEquals(Set.of("reclaim-recursion"), rules(f), "the same deadlock is not also a reclaim-cycle");
        assertEquals("s/thread t", f.get(0).declaration());
        assertTrue(f.get(0).related().stream().anyMatch(r -> r.message().equals("u requests r exclusively here")));
    }

    @Test
    void recursiveReadBehindAWriterInReclaim() {
        List<Finding> f = check(RECURSIVE.replace("alloc 1 KERNEL", "alloc 1 NOFS").formatted("", """
                thread kswapd0 kswapd
                shrinker wr in xfs { scan { if fs { lock r  unlock r } } }"""));
        assertEquals(List.of("t, allocating 1 NOFS, may enter shrinker rd, which takes r shared (held shared by t), "
                + "queued behind kswapd0's exclusive request: it would wait for itself"),
                messages(f, "reclaim-recursion"), "kswapd's shrinker is the other writer");
        assertEquals(Set.of("reclaim-recursion"), rules(f));
    }

    @Test
    void recursiveReadIsNotReportedWithoutAnotherWriter() {
        assertEquals(List.of(), check(RECURSIVE.formatted("", "")), "no writer anywhere");
        assertEquals(List.of(), check(RECURSIVE.formatted("reader-preferring", "thread u task { lock r  unlock r }")));
        assertEquals(List.of(), check(RECURSIVE.formatted("", "")
                .replace("thread t task {", "thread t task { lock r  unlock r ")), "the only writer is t itself");
    }
}
