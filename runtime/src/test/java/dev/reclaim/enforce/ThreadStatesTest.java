package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared slot table behind the per-thread state: collisions, fallback, reuse of dead slots. */
class ThreadStatesTest {

    @BeforeEach
    void install() {
        Storage.install(Mode.ENFORCE);
    }

    /** Runs {@code body} on a new thread whose id maps to the same slot as {@code other}'s. */
    @SuppressWarnings("deprecation")
    private static <T> T onCollidingThread(Thread other, Supplier<T> body) throws InterruptedException {
        int slot = (int) other.getId() & (ThreadStates.SLOTS - 1);
        for (int i = 0; i < 4 * ThreadStates.SLOTS; i++) {
            AtomicReference<T> result = new AtomicReference<>();
            Thread t = new Thread(() -> result.set(body.get()));
            if (((int) t.getId() & (ThreadStates.SLOTS - 1)) == slot) {
                t.start();
                t.join();
                return result.get();
            }
        }
        throw new AssertionError("no thread id collided with " + other.getId());
    }

    /** A thread that opens a NOFS scope, reports, then holds it until released. */
    private static final class Holder extends Thread {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean inTable;
        volatile int maskAtEnd;

        @Override
        public void run() {
            int t = Reclaim.save(NOFS);
            inTable = ThreadStates.inTable();
            ready.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            maskAtEnd = Reclaim.current();
            Reclaim.restore(t);
        }
    }

    @Test
    void aCollidingThreadFallsBackToItsOwnStateWhileTheSlotsOwnerLives() throws Exception {
        Holder holder = new Holder();
        holder.start();
        holder.ready.await();
        String seen = onCollidingThread(holder, () -> {
            int before = Reclaim.current();
            int t = Reclaim.save(NOIO);
            String r = ThreadStates.inTable() + " " + before + " " + Reclaim.current() + " " + Reclaim.scopeDepth();
            Reclaim.restore(t);
            return r + " " + Reclaim.scopeDepth();
        });
        holder.release.countDown();
        holder.join();
        assertTrue(holder.inTable);
        assertEquals("false -1 " + NOIO + " 1 0", seen, "the colliding thread must neither see nor disturb the holder's scope");
        assertEquals(NOFS, holder.maskAtEnd);
        assertEquals(0, Reclaim.count(Violation.Kind.SCOPE_ORDER));
    }

    @Test
    void aDeadThreadsSlotIsClaimedByTheNextThreadThatMapsThere() throws Exception {
        Holder holder = new Holder();
        holder.start();
        holder.ready.await();
        holder.release.countDown();
        holder.join();
        String seen = onCollidingThread(holder, () -> {
            int depth = Reclaim.scopeDepth(); // the first use creates the state
            return depth + " " + ThreadStates.inTable();
        });
        assertTrue(holder.inTable);
        assertEquals("0 true", seen);
    }

    @Test
    void installForgetsTheCallingThreadsScopes() {
        Reclaim.save(NOFS);
        assertEquals(1, Reclaim.scopeDepth());
        Storage.install(Mode.ENFORCE);
        assertEquals(0, Reclaim.scopeDepth());
        assertEquals(-1, Reclaim.current());
        // The reset cleared this thread's slot too, so its new state claims it again.
        assertTrue(ThreadStates.inTable());
    }

    /**
     * Twice as many live threads as slots, all inside a scope at once: half of them must share a
     * slot with a live thread and fall back, and every one still sees exactly its own scope.
     */
    @Test
    void moreLiveThreadsThanSlotsEachSeeOnlyTheirOwnScope() throws Exception {
        int n = 2 * ThreadStates.SLOTS;
        CountDownLatch allInside = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger inTable = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int mask = i % 2 == 0 ? NOFS : NOIO;
            threads[i] = new Thread(() -> {
                int t = Reclaim.save(mask);
                if (ThreadStates.inTable()) {
                    inTable.incrementAndGet();
                }
                allInside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (Reclaim.current() != mask || Reclaim.scopeDepth() != 1) {
                    wrong.add(Thread.currentThread().getName() + ": mask " + Reclaim.current() + " depth "
                            + Reclaim.scopeDepth());
                }
                Reclaim.restore(t);
                if (Reclaim.scopeDepth() != 0) {
                    wrong.add(Thread.currentThread().getName() + ": depth " + Reclaim.scopeDepth() + " after restore");
                }
            }, "many-" + i);
            threads[i].start();
        }
        allInside.await();
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(wrong));
        assertTrue(inTable.get() <= ThreadStates.SLOTS && inTable.get() >= ThreadStates.SLOTS / 2,
                inTable.get() + " of " + n + " threads in the table");
        assertEquals(0, Reclaim.count(Violation.Kind.SCOPE_ORDER));
    }
}
