package dev.reclaim.examples.cachestack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.reclaim.enforce.Mode;
import dev.reclaim.enforce.Reclaim;
import dev.reclaim.enforce.ReclaimViolation;
import dev.reclaim.enforce.Violation;
import dev.reclaim.examples.cachestack.BlockCache.Buffers;
import dev.reclaim.examples.cachestack.policy.Cachestack;
import dev.reclaim.examples.cachestack.policy.CachestackContexts;

/**
 * The cache stack under memory pressure, on the enforcement code generated from
 * {@code cachestack.reclaim}: the flusher that allocates with KERNEL is caught by the policy before
 * it can wait for itself (and, unchecked, really does wait for itself); the fixed flusher writes
 * through.
 */
class CacheStackTest {
    private static final String CAUGHT = "io-path-context: flusher serves blocks0 (layer blockcache) but allocates"
            + " KERNEL, which admits shrinker filepages of files0 (layer filecache, guarded by fs):"
            + " wrap it in scope NOIO";
    private static final byte[] DATA = "hello, device".getBytes(StandardCharsets.UTF_8);

    private final List<Thread> flushers = new ArrayList<>();
    private final AtomicReference<Throwable> flusherDied = new AtomicReference<>();
    private PageAllocator memory;
    private DeviceStore device;
    private BlockCache blocks;
    private FileCache files;

    /** 64 pages, min 4, as the policy's systems; the file cache filled to the watermark. */
    private void stack(Mode mode, Buffers buffers) {
        Cachestack.install(mode);
        memory = new PageAllocator(64, 4);
        device = new DeviceStore();
        blocks = new BlockCache("blocks0", memory, device, buffers);
        files = new FileCache("files0", memory, blocks);
        for (int i = 0; i < 4; i++) {
            blocks.cacheClean(CachestackContexts.KERNEL);
        }
        for (long n = 0; memory.free() > 4; n++) {
            files.read(n, CachestackContexts.KERNEL);
        }
        Thread flusher = new Thread(blocks::serve, "flusher");
        flusher.setDaemon(true); // the unchecked buggy stack leaves it deadlocked
        flusher.setUncaughtExceptionHandler((t, e) -> flusherDied.set(e));
        flushers.add(flusher);
        flusher.start();
    }

    @AfterEach
    void stopFlushers() throws InterruptedException {
        for (Thread t : flushers) {
            t.interrupt();
            t.join(100);
        }
    }

    @Test
    void failModeCatchesTheBuggyFlusherWithTheCheckersWords() throws Exception {
        stack(Mode.FAIL, Buffers.KERNEL);
        files.write(0, DATA, CachestackContexts.KERNEL);
        CompletionException e = assertThrows(CompletionException.class, files::fsync);
        ReclaimViolation v = assertInstanceOf(ReclaimViolation.class, e.getCause());
        assertEquals(Violation.Kind.IO_PATH_CONTEXT, v.kind());
        assertEquals(CAUGHT, v.getMessage());
        assertEquals("flusher", v.violation().thread());
        assertTrue(v.violation().render().contains("BlockCache.writeOut"), v.violation().render());
        flushers.get(0).join(5_000);
        assertEquals(v, flusherDied.get());
    }

    @Test
    void uncheckedTheBuggyFlusherReallyWaitsForItself() throws Exception {
        List<Violation> reports = new ArrayList<>();
        stack(Mode.REPORT, Buffers.KERNEL);
        Reclaim.onReport(reports::add);
        files.write(0, DATA, CachestackContexts.KERNEL); // a dirty file page: the shrinker must write it
        CompletableFuture<Void> metadata = blocks.submit(1_000, DATA);
        // The flusher allocates at the watermark, reclaims into the file cache, whose shrinker
        // queues page 0 for the flusher and waits: it never returns.
        assertThrows(TimeoutException.class, () -> metadata.get(2, TimeUnit.SECONDS));
        // Both of the checker's findings for the flusher, the second as lockdep cannot see it: an
        // IO wait, not a lock.
        assertEquals(List.of(CAUGHT, "reclaim-recursion: flusher, allocating KERNEL, may enter shrinker filepages"
                + " of files0, which waits for IO on blocks0 (served by flusher): it would wait for itself"),
                reports.stream().map(Violation::message).toList());
        assertEquals(Thread.State.WAITING, flushers.get(0).getState());
    }

    @Test
    void enforceModeNarrowsTheBuggyFlusherToASafeContext() throws Exception {
        stack(Mode.ENFORCE, Buffers.KERNEL);
        files.write(0, DATA, CachestackContexts.KERNEL);
        blocks.submit(1_000, DATA).get(10, TimeUnit.SECONDS);
        assertEquals(1, Reclaim.count(Violation.Kind.IO_PATH_CONTEXT));
        assertArrayEquals(DATA, device.read(1_000));
    }

    @Test
    void theFixedFlusherWritesThroughUnderMemoryPressure() throws Exception {
        stack(Mode.FAIL, Buffers.NOIO_RESERVE);
        for (long n = 0; n < 8; n++) {
            files.write(n, DATA, CachestackContexts.KERNEL);
        }
        files.fsync();
        blocks.submit(1_000, DATA).get(10, TimeUnit.SECONDS);
        // Reads past the memory's size: direct reclaim on this thread writes back dirty pages
        // through the flusher and drops clean ones.
        files.write(100, DATA, CachestackContexts.KERNEL);
        for (long n = 200; n < 300; n++) {
            files.read(n, CachestackContexts.KERNEL);
        }
        for (Violation.Kind k : Violation.Kind.values()) {
            assertEquals(0, Reclaim.count(k), k.id());
        }
        // Page 100 was never fsynced: only the shrinker, reclaiming for the reads, wrote it back.
        for (long n : new long[] { 0, 7, 100, 1_000 }) {
            assertArrayEquals(DATA, device.read(n), "block " + n);
        }
        assertEquals(null, flusherDied.get());
    }
}
