package dev.reclaim.analysis.reclaim;

/**
 * Something a thread can hold while another waits for it: a node of the may-wait-for graph.
 *
 * <p>An rwsem has two nodes, one per way it is held ({@link Kind#LOCK} exclusively,
 * {@link Kind#LOCK_SHARED} shared), so that a shared request waits only for the exclusive node
 * while an exclusive request waits for both: shared/shared is never a conflict. A mutex only ever
 * has the exclusive node. {@link Kind#QUEUED_WRITER} is "a writer queued on" a writer-preferring
 * rwsem: a thread provides it while it waits for the rwsem exclusively, so a shared request (which
 * such an rwsem queues behind that writer) waits for it, and it in turn waits for the shared node
 * (see {@link WaitGraph}). {@link Kind#SERVE} is the service of an instance's IO queue, held by its
 * serving threads for their whole body. {@link Kind#RECLAIM} is a virtual node per distinct
 * reclaim context (its name is the context's bit mask): threads enter it by allocating, and it
 * leads to every wait the shrinkers have under that context.
 */
record Res(Kind kind, String name) {
    enum Kind { LOCK, LOCK_SHARED, QUEUED_WRITER, SERVE, POOL, RECLAIM }

    static Res lock(String name, boolean shared) {
        return new Res(shared ? Kind.LOCK_SHARED : Kind.LOCK, name);
    }

    /** A writer queued on the rwsem {@code lock}: held by a thread while it waits for it exclusively. */
    static Res queuedWriter(String lock) {
        return new Res(Kind.QUEUED_WRITER, lock);
    }

    static Res serve(String instance) {
        return new Res(Kind.SERVE, instance);
    }

    static Res pool(String name) {
        return new Res(Kind.POOL, name);
    }

    static Res reclaim(long bits) {
        return new Res(Kind.RECLAIM, Long.toString(bits));
    }

    boolean isLock() {
        return kind == Kind.LOCK || kind == Kind.LOCK_SHARED;
    }
}
