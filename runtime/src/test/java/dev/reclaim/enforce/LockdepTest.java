package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.KERNEL;
import static dev.reclaim.enforce.Storage.L_BLOCK;
import static dev.reclaim.enforce.Storage.L_DM;
import static dev.reclaim.enforce.Storage.L_FS;
import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static dev.reclaim.enforce.Storage.inThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

/**
 * The ext4 writepages pattern: the journal lock is held across a GFP_KERNEL allocation whose
 * reclaim reaches the inode shrinker, which takes the same journal lock.
 */
@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
class LockdepTest {
    private final Instance ext4 = Instance.of(L_FS, "ext4");
    private final Instance thin0 = Instance.of(L_DM, "thin0");
    private final Instance loop0 = Instance.of(L_BLOCK, "loop0");

    /** The inode shrinker: takes the journal lock, as ext4's evict path does. */
    private Shrinker inodeShrinker(ReentrantLock journal) {
        return n -> {
            journal.lock();
            Reclaim.locked(journal);
            try {
                return 1;
            } finally {
                Reclaim.unlocked(journal);
                journal.unlock();
            }
        };
    }

    @Test
    void learntDependencyIsReportedOnceWithBothStacks() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        ReentrantLock journal = Reclaim.name(new ReentrantLock(), "journal_lock");
        Reclaim.shrinkers().register("ext4_inode", ext4, inodeShrinker(journal));
        // kswapd runs a pass first: the detector learns that ext4_inode takes this journal lock
        inThread("kswapd0", () -> assertEquals(1, Reclaim.shrinkers().shrink(KERNEL, 32)));
        assertTrue(reports.isEmpty());

        inThread("ext4_writepages", () -> {
            journal.lock();
            Reclaim.locked(journal);
            try {
                for (int i = 0; i < 3; i++) {
                    assertEquals(KERNEL, Reclaim.allocating(KERNEL)); // jbd2 handle + GFP_KERNEL
                }
                assertEquals(NOFS, Reclaim.allocating(NOFS)); // the fix: NOFS does not admit the shrinker
            } finally {
                Reclaim.unlocked(journal);
                journal.unlock();
            }
            assertEquals(KERNEL, Reclaim.allocating(KERNEL));
        });
        assertEquals(1, reports.size());
        assertEquals(3, Reclaim.count(Violation.Kind.RECLAIM_RECURSION));
        Violation v = reports.get(0);
        assertEquals("reclaim-recursion: ext4_writepages, allocating KERNEL, may enter shrinker ext4_inode of ext4, "
                + "which takes journal_lock (held by ext4_writepages): it would wait for itself", v.message());
        assertEquals("shrinker ext4_inode takes journal_lock at", v.otherLabel());
        assertTrue(v.otherStack()[0].getClassName().startsWith(LockdepTest.class.getName()), v.render());
        assertEquals(LockdepTest.class.getName(), v.stack()[0].getClassName().replaceAll("\\$.*", ""));
        assertTrue(v.render().contains("  shrinker ext4_inode takes journal_lock at:\n    at "), v.render());
    }

    @Test
    void keyedByLockInstance() throws Exception {
        List<Violation> reports = Storage.install(Mode.FAIL);
        ReentrantLock journalA = Reclaim.name(new ReentrantLock(), "journal_a");
        ReentrantLock journalB = Reclaim.name(new ReentrantLock(), "journal_b");
        Reclaim.shrinkers().register("ext4_inode", ext4, n -> 0).takes(journalA);
        inThread("t", () -> {
            Reclaim.locked(journalB); // another mount's journal: its shrinker does not take it
            assertEquals(KERNEL, Reclaim.allocating(KERNEL));
            Reclaim.unlocked(journalB);
            Reclaim.locked(journalA);
            ReclaimViolation e = assertThrows(ReclaimViolation.class, () -> Reclaim.allocating(KERNEL));
            assertEquals("reclaim-recursion: t, allocating KERNEL, may enter shrinker ext4_inode of ext4, which takes "
                    + "journal_a (held by t): it would wait for itself", e.getMessage());
            assertEquals("shrinker ext4_inode takes journal_a at", e.violation().otherLabel());
            Reclaim.unlocked(journalA);
        });
        assertTrue(reports.isEmpty());
    }

    @Test
    void enforceDropsTheShrinkersGuard() throws Exception {
        Storage.install(Mode.ENFORCE);
        Object journal = new Object();
        Reclaim.shrinkers().register("ext4_inode", ext4, n -> 0).takes(journal);
        Object other = new Object();
        Reclaim.shrinkers().register("pagecache", ext4, 0, n -> 0).takes(other);
        inThread("t", () -> {
            Reclaim.locked(journal);
            assertEquals(NOFS, Reclaim.allocating(KERNEL));
            Reclaim.unlocked(journal);
            Reclaim.locked(other); // an unguarded shrinker takes it: only no direct reclaim is safe
            assertEquals(Storage.KSWAPD | Storage.IO | Storage.FS, Reclaim.allocating(KERNEL));
            Reclaim.unlocked(other);
        });
        assertEquals(2, Reclaim.count(Violation.Kind.RECLAIM_RECURSION));
    }

    @Test
    void ioWaitOnAnInstanceTheThreadServes() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        Reclaim.shrinkers().register("bufio", thin0, n -> {
            Reclaim.waitingOnIo(loop0); // __make_buffer_clean: write back and wait, through loop0
            return 0;
        });
        inThread("kswapd0", () -> Reclaim.shrinkers().shrink(KERNEL, 32));
        inThread("loop0_worker", () -> {
            try (var w = Reclaim.serving(loop0)) {
                Reclaim.allocating(KERNEL);
                try (var s = Reclaim.scope(NOIO)) {
                    Reclaim.allocating(KERNEL); // the d0a255e795ab fix
                }
            }
        });
        assertEquals(2, reports.size());
        assertEquals("io-path-context: loop0_worker serves loop0 (layer block) but allocates KERNEL, which admits "
                + "shrinker bufio of thin0 (layer dm, guarded by io): wrap it in scope NOIO", reports.get(0).message());
        assertEquals("reclaim-recursion: loop0_worker, allocating KERNEL, may enter shrinker bufio of thin0, which "
                + "waits for IO on loop0 (served by loop0_worker): it would wait for itself", reports.get(1).message());
        assertEquals("shrinker bufio waits for IO on loop0 at", reports.get(1).otherLabel());
    }
}
