package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a blocking statement waits for. */
sealed interface WaitTarget {
    /** The graph nodes whose holders can keep this wait blocked. */
    List<Res> nodes();

    /** {@code lock L} or {@code lock L shared} (shared only for an rwsem). */
    record OnLock(String lock, boolean shared) implements WaitTarget {
        public List<Res> nodes() {
            return shared ? List.of(Res.lock(lock, false)) : List.of(Res.lock(lock, false), Res.lock(lock, true));
        }

        /** A shared request does not conflict with a shared holder; every other pair does. */
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
