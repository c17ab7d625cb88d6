package dev.reclaim.examples.cachestack;

import dev.reclaim.enforce.Reclaim;
import dev.reclaim.examples.cachestack.policy.Cachestack;
import dev.reclaim.examples.cachestack.policy.CachestackPermissions;

/**
 * The memory every cache of the stack allocates from: a fixed number of pages with a minimum
 * watermark, as the kernel's free pages. An allocation that would go below the watermark runs
 * direct reclaim — the registered shrinkers admitted by its effective context — before it gives up.
 */
public final class PageAllocator {
    private final int min;
    private int free;

    public PageAllocator(int pages, int min) {
        this.free = pages;
        this.min = min;
    }

    /**
     * Allocates {@code pages} with reclaim context {@code context}; the policy narrows the context
     * first (open scopes, and in ENFORCE mode the run-time rules) or, in FAIL mode, refuses it.
     *
     * @throws OutOfPages when reclaim under the effective context could not free enough
     */
    public void allocate(int context, int pages) {
        int effective = Cachestack.allocating(context);
        if (take(pages)) {
            return;
        }
        if ((effective & CachestackPermissions.DIRECT) != 0) {
            // Direct reclaim runs outside the allocator's lock: shrinkers free pages into it.
            Reclaim.shrinkers().shrink(effective, pages);
        }
        if (!take(pages)) {
            throw new OutOfPages(pages, free());
        }
    }

    private synchronized boolean take(int pages) {
        if (free - pages < min) {
            return false;
        }
        free -= pages;
        return true;
    }

    public synchronized void release(int pages) {
        free += pages;
    }

    public synchronized int free() {
        return free;
    }

    /** An allocation that reclaim could not satisfy. */
    public static final class OutOfPages extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfPages(int wanted, int free) {
            super("out of pages: wanted " + wanted + ", " + free + " free");
        }
    }
}
