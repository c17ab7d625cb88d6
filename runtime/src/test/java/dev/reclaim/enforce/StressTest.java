package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.KERNEL;
import static dev.reclaim.enforce.Storage.L_FS;
import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Count-based: no timing. 16 threads × 1,000,000 nested scope operations. */
@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
class StressTest {
    private static final int THREADS = 16;
    private static final int ITERATIONS = 250_000; // 4 scope operations each: 1,000,000 per thread

    private static void runAll(int threads, IntBody body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "stress-" + i);
            ts.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    interface IntBody {
        void run(int id) throws Exception;
    }

    @Test
    void nestedScopesLeakNoContextAndLoseNoCount() throws Exception {
        Storage.install(Mode.ENFORCE);
        Instance ext4 = Instance.of(L_FS, "ext4");
        AtomicInteger clean = new AtomicInteger();
        runAll(THREADS, id -> {
            try (var l = Reclaim.enter(ext4)) {
                for (int i = 0; i < ITERATIONS; i++) {
                    int a = Reclaim.save(NOFS);                     // 1
                    try (var s = Reclaim.scope(NOIO)) {             // 2
                        if (Reclaim.current() != NOIO || Reclaim.allocating(KERNEL) != NOIO) {
                            throw new AssertionError("inner scope lost at " + i);
                        }
                    }                                               // 3
                    if (Reclaim.current() != NOFS) {
                        throw new AssertionError("outer scope lost at " + i);
                    }
                    if (i % 1000 == 0) {
                        int inner = Reclaim.save(NOIO);
                        Reclaim.restore(a);                         // 4 (out of order: counted)
                        Reclaim.restore(inner);                     // ignored: already ended
                    } else {
                        Reclaim.restore(a);                         // 4
                    }
                    if (i % 100 == 0 && Reclaim.allocating(KERNEL) != NOFS) { // layering: narrowed, counted
                        throw new AssertionError("not narrowed at " + i);
                    }
                }
            }
            if (Reclaim.current() == -1 && Reclaim.scopeDepth() == 0 && Reclaim.layerDepth() == 0
                    && Reclaim.allocating(KERNEL) == KERNEL) {
                clean.incrementAndGet();
            }
        });
        assertEquals(THREADS, clean.get());
        assertEquals(THREADS * (ITERATIONS / 1000), Reclaim.count(Violation.Kind.SCOPE_ORDER));
        assertEquals(THREADS * (ITERATIONS / 100), Reclaim.count(Violation.Kind.LAYERING));
    }

    @Test
    void concurrentReportsAreNeitherLostNorDuplicated() throws Exception {
        Storage.install(Mode.REPORT);
        ConcurrentLinkedQueue<Violation> reports = new ConcurrentLinkedQueue<>();
        Reclaim.onReport(reports::add);
        int locksPerThread = 100;
        int rounds = 50;
        Object[][] locks = new Object[THREADS][locksPerThread];
        Instance ext4 = Instance.of(L_FS, "ext4");
        ShrinkerRegistry.Registration inode = Reclaim.shrinkers().register("ext4_inode", ext4, n -> 0);
        for (int t = 0; t < THREADS; t++) {
            for (int k = 0; k < locksPerThread; k++) {
                locks[t][k] = Reclaim.name(new Object(), "journal_" + t + "_" + k);
                inode.takes(locks[t][k]);
            }
        }
        runAll(THREADS, id -> {
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < locksPerThread; k++) {
                    Reclaim.locked(locks[id][k]);
                    Reclaim.allocating(NOFS); // not admitted: no report
                    Reclaim.allocating(KERNEL);
                    Reclaim.unlocked(locks[id][k]);
                }
            }
            try (var l = Reclaim.enter(ext4)) {
                for (int r = 0; r < 1000; r++) {
                    Reclaim.allocating(KERNEL); // one site shared by every thread
                }
            }
        });
        Set<String> messages = new HashSet<>();
        int recursion = 0;
        int layering = 0;
        for (Violation v : reports) {
            messages.add(v.message());
            if (v.kind() == Violation.Kind.RECLAIM_RECURSION) {
                recursion++;
            } else if (v.kind() == Violation.Kind.LAYERING) {
                layering++;
            }
        }
        assertEquals(THREADS * locksPerThread, recursion);
        assertEquals(1, layering);
        assertEquals(reports.size(), messages.size());
        assertEquals(THREADS * locksPerThread + 1, Reclaim.reports());
        assertEquals((long) THREADS * locksPerThread * rounds, Reclaim.count(Violation.Kind.RECLAIM_RECURSION));
        assertEquals(THREADS * 1000L, Reclaim.count(Violation.Kind.LAYERING));
    }
}
