package dev.reclaim.sim;

/**
 * Opcodes of the compiled form. Operands live in {@link Code}'s parallel arrays {@code a, b, c}
 * (and {@code ctx} for contexts); what each operand means is noted per opcode.
 */
final class Ins {
    private Ins() {
    }

    /** Nothing; an unresolved name compiles to this so the statement still yields. */
    static final int NOP = 0;
    /** a = shrinker, b = 0 count / 1 scan: the start of a shrinker part (a scheduling point). */
    static final int SHRINK_START = 1;
    /** a = cache of the shrinker's instance or -1: a scan that ended without stop frees a batch. */
    static final int SCAN_END = 2;
    /** End of a reclaim pass: back to the allocation (or kswapd's loop) that started it. */
    static final int PASS_END = 3;
    /** a = target. */
    static final int JUMP = 4;
    /** Back to the thread's loop top; always ends the step. */
    static final int JUMP_TOP = 5;
    /** a = pages, b = cache to fill or -1, c = mode bits {@link #PFM} / {@link #DIRECT}; ctx = effective context. */
    static final int ALLOC = 6;
    /** a = pages. */
    static final int FREE = 7;
    /** a = lock. */
    static final int LOCK = 8;
    /** a = lock. */
    static final int LOCK_SHARED = 9;
    /** a = lock. */
    static final int UNLOCK = 10;
    /** a = lock, b = where to go when the lock is busy (taken: the next instruction). */
    static final int TRYLOCK = 11;
    /** a = target instance, b = queue or -1 (device), c = cache of the target or -1. */
    static final int SUBMIT = 12;
    /** As SUBMIT, then marks this thread's requests to the target; a WAITBIT follows. */
    static final int WRITE = 13;
    /** a = target, b = queue: marks this thread's requests to the target; a WAITBIT follows. */
    static final int WAITOWN = 14;
    /** As SUBMIT for the dirty pages, then marks every request to the target; a WAITBIT follows. */
    static final int CLEAN = 15;
    /** Blocks while any request carries this thread's wait bit. */
    static final int WAITBIT = 16;
    /** a = cache, b = pages. */
    static final int DIRTY = 17;
    /** a = permission bit, b = else target: tests the reclaim context of the running pass. */
    static final int IF_RECLAIM = 18;
    /** a = workqueue. */
    static final int QUEUE = 19;
    /** a = mempool. */
    static final int TAKE = 20;
    /** a = mempool. */
    static final int GIVE = 21;
    /** a = queue: a server's loop top; idle while the queue is empty. */
    static final int SERVE_TOP = 22;
    /** Completes the request the server holds. */
    static final int SERVE_DONE = 23;
    /** kswapd's loop top; asleep unless woken. */
    static final int KSWAPD_TOP = 24;
    /** a = workqueue: a worker's loop top; idle while no work is pending. */
    static final int WQ_TOP = 25;
    /** a = workqueue: the work item starts (its pending bit clears). */
    static final int WQ_BEGIN = 26;
    /** The thread can go no further (a recursive call, which the simulator does not unfold). */
    static final int HALT = 27;

    /** ALLOC mode: PF_MEMALLOC (inside a shrinker body): ignores min, never reclaims. */
    static final int PFM = 1;
    /** ALLOC mode: the effective context has the `direct` permission. */
    static final int DIRECT = 2;

    static boolean idleKind(int op) {
        return op == SERVE_TOP || op == KSWAPD_TOP || op == WQ_TOP || op == HALT;
    }
}
