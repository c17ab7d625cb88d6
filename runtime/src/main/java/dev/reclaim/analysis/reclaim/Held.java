package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one path of a walk holds at a point, in the order it was taken. Immutable, with value
 * equality, so that a walk can keep a set of distinct states instead of enumerating paths.
 */
record Held(List<HeldItem> items) {
    static final Held EMPTY = new Held(List.of());

    Held {
        items = List.copyOf(items);
    }

    Held with(HeldItem item) {
        List<HeldItem> next = new ArrayList<>(items);
        next.add(item);
        return new Held(next);
    }

    /** Drops the most recent hold of a lock (either mode) or of a pool element; unknown ones are ignored. */
    Held release(boolean lock, String name) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Res r = items.get(i).res();
            if (Objects.equals(r.name(), name) && (lock ? r.isLock() : r.kind() == Res.Kind.POOL)) {
                List<HeldItem> next = new ArrayList<>(items);
                next.remove(i);
                return new Held(next);
            }
        }
        return this;
    }
}
