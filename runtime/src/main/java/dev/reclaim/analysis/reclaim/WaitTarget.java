package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a blocking statement waits for. */
sealed interface WaitTarget {
    /** The graph nodes whose holders can keep this wait blocked. */
    List<Res> nodes();

    /**
     * {@code lock L} or {@code lock L shared} (shared only for an rwsem). {@code writerPreferring}
     * says L is an rwsem that queues new shared requests behind a waiting writer (LANGUAGE.md §2,
     * the default for rwsems); it is false for a mutex and a reader-preferring rwsem.
     */
    record OnLock(String lock, boolean shared, boolean writerPreferring) implements WaitTarget {
        /**
         * An exclusive request waits for holders of either mode. A shared request waits for an
         * exclusive holder and, on a writer-preferring rwsem, for a writer queued ahead of it.
         */
        public List<Res> nodes() {
            if (!shared) {
                return List.of(Res.lock(lock, false), Res.lock(lock, true));
            }
            return writerPreferring ? List.of(Res.lock(lock, false), Res.queuedWriter(lock))
                    : List.of(Res.lock(lock, false));
        }

        /** Whether the waiting thread is a writer that later shared requests queue behind. */
        boolean queuesAsWriter() {
            return !shared && writerPreferring;
        }

        /** Whether a shared request on this rwsem queues behind waiting writers. */
        boolean queuesBehindWriters() {
            return shared && writerPreferring;
        }

        /**
         * Whether a hold blocks this request outright: a shared request does not conflict with a
         * shared holder; every other pair does. (A shared hold may still block a shared request
         * on a writer-preferring rwsem through a queued writer: see {@link RecursionRule}.)
         */
        boolean conflictsWith(HeldItem h) {
            return h.res().isLock() && Objects.equals(h.res().name(), lock) && !(shared && h.shared());
        }
    }

    /**
     * IO to {@code instance} ({@code write}, {@code clean}, {@code wait}); {@code served} are the
     * served instances it queues for through the {@code on} edges, empty when only devices
     * complete it (then nothing can block it).
     */
    record OnIo(String instance, List<String> served) implements WaitTarget {
        public OnIo {
            served = List.copyOf(served);
        }

        public List<Res> nodes() {
            List<Res> out = new ArrayList<>(served.size());
            for (String s : served) {
                out.add(Res.serve(s));
            }
            return out;
        }
    }

    /** {@code take POOL}. */
    record OnPool(String pool) implements WaitTarget {
        public List<Res> nodes() {
            return List.of(Res.pool(pool));
        }
    }
}
