package dev.reclaim.enforce;

/**
 * Finds the calling thread's {@link ThreadState}. Save, restore and every checked allocation start
 * here, so this is the hottest lookup in the library.
 *
 * <p>A {@link ThreadLocal} lookup walks the thread's map: the map, its table, the entry, the entry's
 * weak referent (with the collector's read barrier) and the value. Most threads instead find their
 * state in a shared table indexed by thread id: the id, the slot and an identity check. Threads are
 * only read from the table on the hot path; it is written once per thread, when the state is
 * created, so no cache line moves between cores while threads run. A thread whose slot is held by
 * another live thread (ids collide modulo {@link #SLOTS}) keeps using the {@code ThreadLocal}: slower,
 * equally correct.
 *
 * <p>A slot keeps a dead thread's state until a thread whose id maps to that slot claims it: at most
 * {@link #SLOTS} small states, never more.
 */
final class ThreadStates {
    /** A power of two. Thread ids are handed out in sequence, so the first this-many threads never collide. */
    static final int SLOTS = 1024;

    private static final ThreadState[] FAST = new ThreadState[SLOTS];
    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadStates::create);

    private ThreadStates() {
    }

    static ThreadState get() {
        ThreadState s = owned(Thread.currentThread());
        return s != null ? s : STATE.get();
    }

    /** Whether the calling thread's state is in the shared table (for tests). */
    static boolean inTable() {
        return owned(Thread.currentThread()) != null;
    }

    /** Forgets the calling thread's state; its next lookup starts afresh. */
    static void reset() {
        Thread t = Thread.currentThread();
        if (owned(t) != null) {
            FAST[slot(t)] = null;
        }
        STATE.remove();
    }

    @SuppressWarnings("deprecation") // getId(), not threadId(): the library runs on Java 17
    private static int slot(Thread t) {
        return (int) t.getId() & (SLOTS - 1);
    }

    /** {@code t}'s state if the table holds it, else null. */
    private static ThreadState owned(Thread t) {
        ThreadState s = FAST[slot(t)];
        // Identity, not the id: a Thread subclass may override getId().
        return s != null && s.thread == t ? s : null;
    }

    private static ThreadState create() {
        ThreadState s = new ThreadState();
        int i = slot(s.thread);
        ThreadState old = FAST[i];
        // Two threads may claim a free slot at once; one store wins and the other thread just
        // stays on the ThreadLocal. ThreadState.thread is final, so a racing reader that sees the
        // new state also sees its owner.
        if (old == null || !old.thread.isAlive()) {
            FAST[i] = s;
        }
        return s;
    }
}
