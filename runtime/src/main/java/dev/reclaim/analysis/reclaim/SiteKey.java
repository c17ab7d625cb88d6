package dev.reclaim.analysis.reclaim;

import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Stmt;

/**
 * Identifies "this thread, at this allocation statement, entering this shrinker" for
 * de-duplication: a statement reached along several paths is one site. Statements and
 * declarations compare by identity (two equal-looking statements are still two sites).
 */
record SiteKey(Actor actor, Stmt stmt, Shrinker shrinker) {
    @Override
    public boolean equals(Object o) {
        return o instanceof SiteKey k && k.actor == actor && k.stmt == stmt && k.shrinker == shrinker;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(actor) * 31 * 31 + System.identityHashCode(stmt) * 31
                + System.identityHashCode(shrinker);
    }
}
