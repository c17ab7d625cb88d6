package dev.reclaim.examples.cachestack;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import dev.reclaim.enforce.Instance;
import dev.reclaim.enforce.Reclaim;
import dev.reclaim.examples.cachestack.policy.Cachestack;
import dev.reclaim.examples.cachestack.policy.CachestackContexts;

/**
 * The middle layer: caches device blocks; writes are queued and carried out by the flusher, the
 * thread that serves this cache's IO. Writing a block needs a buffer, and where that buffer comes
 * from is the whole question this example is about.
 */
public final class BlockCache {
    /** How the flusher gets its write buffer. */
    public enum Buffers {
        /** From the page allocator with KERNEL: reclaim may enter the file cache above. The bug. */
        KERNEL,
        /** Under a NOIO scope, from a reserve of its own (as a block driver's bioset). The fix. */
        NOIO_RESERVE
    }

    private final Instance instance;
    private final PageAllocator memory;
    private final DeviceStore device;
    private final Buffers buffers;
    private final Semaphore reserve = new Semaphore(1);
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private int cleanBlocks;

    private record Request(long block, byte[] data, CompletableFuture<Void> done) {
    }

    public BlockCache(String name, PageAllocator memory, DeviceStore device, Buffers buffers) {
        this.instance = Cachestack.blockcache(name);
        this.memory = memory;
        this.device = device;
        this.buffers = buffers;
        // Clean blocks are dropped without IO or locks: safe from any context, so unguarded.
        Reclaim.shrinkers().register("cleanblocks", instance, 0, this::dropCleanBlocks);
    }

    public Instance instance() {
        return instance;
    }

    /** Queues a write for the flusher; complete when the block is on the device. */
    public CompletableFuture<Void> submit(long block, byte[] data) {
        Request r = new Request(block, data, new CompletableFuture<>());
        queue.add(r);
        return r.done();
    }

    /** Caches a block read from the device (its page comes from the allocator). */
    public void cacheClean(int context) {
        memory.allocate(context, 1);
        synchronized (this) {
            cleanBlocks++;
        }
    }

    /**
     * The flusher's loop body: takes the next request (waiting for one) and writes it. Must run on
     * the thread that {@link #serve serves} this cache.
     */
    public void flushOne() throws InterruptedException {
        Request r = queue.take();
        try {
            writeOut(r);
            r.done().complete(null);
        } catch (RuntimeException e) {
            r.done().completeExceptionally(e);
            throw e;
        }
    }

    private void writeOut(Request r) throws InterruptedException {
        if (buffers == Buffers.KERNEL) {
            memory.allocate(CachestackContexts.KERNEL, 1);
            try {
                device.write(r.block(), r.data());
            } finally {
                memory.release(1);
            }
            return;
        }
        reserve.acquire();
        try {
            device.write(r.block(), r.data());
        } finally {
            reserve.release();
        }
    }

    /**
     * Makes the calling thread this cache's flusher: it serves the cache's IO, under NOIO when the
     * buffers come from the reserve (memalloc_noio_save at thread entry), until interrupted.
     */
    public void serve() {
        try (var serving = Cachestack.serving(instance)) {
            if (buffers == Buffers.NOIO_RESERVE) {
                int saved = Cachestack.save(CachestackContexts.NOIO);
                try {
                    flushUntilInterrupted();
                } finally {
                    Cachestack.restore(saved);
                }
            } else {
                flushUntilInterrupted();
            }
        }
    }

    private void flushUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                flushOne();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long dropCleanBlocks(int nrToScan) {
        int dropped;
        synchronized (this) {
            dropped = Math.min(nrToScan, cleanBlocks);
            cleanBlocks -= dropped;
        }
        memory.release(dropped);
        return dropped;
    }
}
