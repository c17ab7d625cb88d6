package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.model.Decl;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * One body the discipline checks walk on its own: a thread's loop, an op, a shrinker's count or
 * scan, or a workqueue's work item. {@code subject} is how messages name it.
 */
record Body(Decl decl, Kind kind, List<Stmt> stmts, String subject) {
    enum Kind { THREAD, OP, COUNT, SCAN, WORK }

    boolean shrinker() {
        return kind == Kind.COUNT || kind == Kind.SCAN;
    }

    /** Every body of the system in declaration order; kswapd threads have none. */
    static List<Body> of(SystemModel sys) {
        List<Body> out = new ArrayList<>();
        for (Decl.ThreadDecl t : sys.threads()) {
            if (t.threadKind() != Decl.ThreadKind.KSWAPD) {
                out.add(new Body(t, Kind.THREAD, t.body(), "thread " + t.name()));
            }
        }
        for (Decl.Op o : sys.ops()) {
            out.add(new Body(o, Kind.OP, o.body(), "op " + o.name()));
        }
        for (Decl.Shrinker s : sys.shrinkers()) {
            if (s.count() != null) {
                out.add(new Body(s, Kind.COUNT, s.count(), "count of shrinker " + s.name()));
            }
            out.add(new Body(s, Kind.SCAN, s.scan(), "scan of shrinker " + s.name()));
        }
        for (Decl.Workqueue w : sys.workqueues()) {
            out.add(new Body(w, Kind.WORK, w.body(), "work item of workqueue " + w.name()));
        }
        return out;
    }
}
