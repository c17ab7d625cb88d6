package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.model.Decl;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * A thread of execution the analysis walks: a declared thread, or a workqueue (its worker, named
 * after the workqueue, starting outside every scope and serving nothing). {@code order} is its
 * place in declaration order, which decides preferences and the rotation of reported cycles;
 * {@code mask} is its outermost scope (every permission without one).
 */
record Actor(int order, String name, Decl decl, Kind kind, String serves, PermSet mask, List<Stmt> body) {
    enum Kind { KSWAPD, SERVER, TASK, WORK }

    /** Identity: an actor is its declaration, and hashing the declaration would hash its whole body. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return order;
    }

    boolean isServer() {
        return kind == Kind.SERVER && serves != null;
    }
}
