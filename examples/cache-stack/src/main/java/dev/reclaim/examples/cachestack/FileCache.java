package dev.reclaim.examples.cachestack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.reclaim.enforce.Instance;
import dev.reclaim.enforce.Reclaim;
import dev.reclaim.examples.cachestack.policy.Cachestack;

/**
 * The top layer: caches file pages over the block cache. Dirty pages are written back through the
 * block cache; its shrinker does that too (it must, to free a dirty page), so it waits for the
 * block cache's flusher — and the policy lets it run only under {@code fs}.
 */
public final class FileCache {
    private final Instance instance;
    private final PageAllocator memory;
    private final BlockCache blocks;
    /** Cached pages, in least-recently-cached order; the value says whether it is dirty. */
    private final Map<Long, byte[]> pages = new LinkedHashMap<>();
    private final Map<Long, Boolean> dirty = new LinkedHashMap<>();

    public FileCache(String name, PageAllocator memory, BlockCache blocks) {
        this.instance = Cachestack.filecache(name);
        this.memory = memory;
        this.blocks = blocks;
        Cachestack.register("filepages", instance, this::shrink).waitsOnIo(blocks.instance());
    }

    /** Caches page {@code n} (a read from below); its memory is allocated with {@code context}. */
    public void read(long n, int context) {
        memory.allocate(context, 1);
        synchronized (this) {
            if (pages.putIfAbsent(n, new byte[0]) != null) {
                memory.release(1);
            }
        }
    }

    /** Writes page {@code n}: it is cached dirty. */
    public void write(long n, byte[] data, int context) {
        boolean fresh;
        synchronized (this) {
            fresh = !pages.containsKey(n);
        }
        if (fresh) {
            memory.allocate(context, 1);
        }
        synchronized (this) {
            pages.put(n, data.clone());
            dirty.put(n, true);
        }
    }

    /** Writes every dirty page back through the block cache and waits for it (fsync). */
    public void fsync() {
        waitFor(writeBackDirty());
    }

    private List<CompletableFuture<Void>> writeBackDirty() {
        List<CompletableFuture<Void>> io = new ArrayList<>();
        synchronized (this) {
            for (Long n : dirty.keySet()) {
                io.add(blocks.submit(n, pages.get(n)));
            }
            dirty.clear();
        }
        return io;
    }

    private void waitFor(List<CompletableFuture<Void>> io) {
        if (!io.isEmpty()) {
            Reclaim.waitingOnIo(blocks.instance());
        }
        for (CompletableFuture<Void> f : io) {
            f.join();
        }
    }

    /** The shrinker: writes dirty pages back and waits, then drops up to {@code nrToScan} pages. */
    private long shrink(int nrToScan) {
        waitFor(writeBackDirty());
        int dropped = 0;
        synchronized (this) {
            var it = pages.keySet().iterator();
            while (dropped < nrToScan && it.hasNext()) {
                it.next();
                it.remove();
                dropped++;
            }
        }
        memory.release(dropped);
        return dropped;
    }

    public synchronized int cached() {
        return pages.size();
    }
}
