package dev.reclaim.analysis.structure;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * Statement-level structural errors: {@code stop} outside a shrinker body, names a statement uses
 * that the system does not declare, and {@code lock L shared} on a mutex.
 *
 * <p>{@code stop} in an op is an error even when only shrinkers call the op: an op is a function of
 * its instance, and a C helper cannot return SHRINK_STOP on behalf of the shrinker that called it.
 * The shrinker should test a result and stop itself.
 */
final class BodyStructure {
    private final SystemModel sys;
    private final List<Finding> findings = new ArrayList<>();

    private BodyStructure(SystemModel sys) {
        this.sys = sys;
    }

    static List<Finding> check(SystemModel sys) {
        BodyStructure b = new BodyStructure(sys);
        for (Decl.ThreadDecl t : sys.threads()) {
            b.body(t, t.body(), "thread " + t.name(), false);
        }
        for (Decl.Op o : sys.ops()) {
            b.body(o, o.body(), "op " + o.name(), false);
        }
        for (Decl.Workqueue w : sys.workqueues()) {
            b.body(w, w.body(), "workqueue " + w.name(), false);
        }
        for (Decl.Shrinker s : sys.shrinkers()) {
            b.body(s, s.count(), "count of shrinker " + s.name(), true);
            b.body(s, s.scan(), "scan of shrinker " + s.name(), true);
        }
        return b.findings;
    }

    private void body(Decl decl, List<Stmt> body, String where, boolean shrinker) {
        Stmts.forEach(body, s -> {
            if (!shrinker) {
                stop(decl, s, where);
            }
            names(decl, s);
        });
    }

    private void stop(Decl decl, Stmt s, String where) {
        String what;
        if (s instanceof Stmt.Stop) {
            what = "stop";
        } else if (s instanceof Stmt.TryLock t && t.elseStop()) {
            what = "trylock " + t.lock() + " else stop";
        } else {
            return;
        }
        String why = decl instanceof Decl.Op
                ? " (an op cannot return SHRINK_STOP for a shrinker that calls it)"
                : "";
        add(Rule.STOP_OUTSIDE_SHRINKER, decl, s, what + " in " + where
                + ": only a shrinker's count or scan can stop" + why);
    }

    private void names(Decl decl, Stmt s) {
        if (s instanceof Stmt.Lock l) {
            lock(decl, s, l.lock());
            sys.lock(l.lock()).filter(d -> l.shared() && d.lockKind() == Decl.LockKind.MUTEX).ifPresent(d ->
                    add(Rule.INVALID, decl, s, "lock " + l.lock() + " shared: " + l.lock()
                            + " is a mutex, which has no shared side (only an rwsem does)"));
        } else if (s instanceof Stmt.Unlock u) {
            lock(decl, s, u.lock());
        } else if (s instanceof Stmt.TryLock t) {
            lock(decl, s, t.lock());
        } else if (s instanceof Stmt.Write w) {
            instance(decl, s, w.instance());
        } else if (s instanceof Stmt.Submit w) {
            instance(decl, s, w.instance());
        } else if (s instanceof Stmt.Wait w) {
            instance(decl, s, w.instance());
        } else if (s instanceof Stmt.Fill f) {
            instance(decl, s, f.instance());
        } else if (s instanceof Stmt.Dirty d) {
            instance(decl, s, d.instance());
        } else if (s instanceof Stmt.Clean c) {
            instance(decl, s, c.instance());
        } else if (s instanceof Stmt.Call c) {
            unknown(decl, s, "op", c.op(), sys.op(c.op()).isPresent());
        } else if (s instanceof Stmt.Queue q) {
            unknown(decl, s, "workqueue", q.workqueue(), sys.workqueue(q.workqueue()).isPresent());
        } else if (s instanceof Stmt.Take t) {
            unknown(decl, s, "mempool", t.pool(), sys.mempool(t.pool()).isPresent());
        } else if (s instanceof Stmt.Give g) {
            unknown(decl, s, "mempool", g.pool(), sys.mempool(g.pool()).isPresent());
        } else if (s instanceof Stmt.If i) {
            unknown(decl, s, "permission", i.permission(), sys.vocab().permission(i.permission()).isPresent());
        }
    }

    private void lock(Decl decl, Stmt s, String name) {
        unknown(decl, s, "lock", name, sys.lock(name).isPresent());
    }

    private void instance(Decl decl, Stmt s, String name) {
        unknown(decl, s, "instance", name, sys.instance(name).isPresent());
    }

    private void unknown(Decl decl, Stmt s, String kind, String name, boolean known) {
        if (!known) {
            add(Rule.UNKNOWN_NAME, decl, s, "unknown " + kind + " '" + name + "'");
        }
    }

    private void add(Rule rule, Decl decl, Stmt s, String message) {
        findings.add(new Finding(rule, message, s.pos(), List.of(), sys.pathOf(decl), sys.name()));
    }
}
