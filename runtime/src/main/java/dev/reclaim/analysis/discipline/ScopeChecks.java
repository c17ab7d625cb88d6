package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * {@code scope-handoff} and {@code scope-widen}: what a scope does not reach. Scopes are per task,
 * so they follow {@code call} (the op runs on the same thread) but not {@code queue}.
 *
 * <p>Bodies start outside every scope except a thread with {@code scope CTX}: work items run
 * outside every scope, and a shrinker's reclaiming thread is not known here. A queue inside a scope
 * that removes nothing (every permission still on) loses nothing and is not reported.
 */
final class ScopeChecks {

    /**
     * The scope a statement runs in: {@code perms} is null outside every scope; {@code text} is the
     * nearest enclosing scope as written; {@code origin} is the declaration that entered it;
     * {@code chain} names how the walk got from the checked body to the current one.
     */
    private record Frame(Decl decl, PermSet perms, String text, Decl origin, List<String> chain) {}

    private final SystemModel sys;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<List<Object>> reported = new HashSet<>();
    private final Set<String> onStack = new LinkedHashSet<>();

    private ScopeChecks(SystemModel sys) {
        this.sys = sys;
    }

    static List<Finding> check(SystemModel sys) {
        ScopeChecks sc = new ScopeChecks(sys);
        for (Body b : Body.of(sys)) {
            Frame f = new Frame(b.decl(), null, null, null, List.of(b.subject()));
            if (b.decl() instanceof Decl.ThreadDecl t && t.scope() != null) {
                f = new Frame(t, t.scope().perms(), t.scope().text(), t, f.chain());
            }
            sc.onStack.clear();
            if (b.decl() instanceof Decl.Op op) {
                sc.onStack.add(op.name());
            }
            sc.walk(b.stmts(), f);
        }
        return sc.findings;
    }

    private void walk(List<Stmt> stmts, Frame f) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Scope sc) {
                walk(sc.body(), enter(sc, f));
            } else if (s instanceof Stmt.If i) {
                walk(i.then(), f);
                walk(i.orElse(), f);
            } else if (s instanceof Stmt.TryLock t && !t.elseStop()) {
                walk(t.orElse(), f);
            } else if (s instanceof Stmt.Queue q) {
                queue(q, f);
            } else if (s instanceof Stmt.Call c) {
                sys.op(c.op()).ifPresent(op -> {
                    if (onStack.add(op.name())) {
                        List<String> chain = new ArrayList<>(f.chain());
                        chain.add("op " + op.name());
                        walk(op.body(), new Frame(op, f.perms(), f.text(), f.origin(), List.copyOf(chain)));
                        onStack.remove(op.name());
                    }
                });
            }
        }
    }

    private Frame enter(Stmt.Scope sc, Frame f) {
        PermSet inner = sc.ctx().perms();
        if (f.perms() == null) {
            return new Frame(f.decl(), inner, sc.ctx().text(), f.decl(), f.chain());
        }
        if (!inner.subsetOf(f.perms())) {
            List<String> off = sys.vocab().names(inner.minus(f.perms()));
            String effect = f.perms().subsetOf(inner)
                    ? " has no effect: scopes only narrow (" + join(off) + (off.size() == 1 ? " stays" : " stay")
                    + " off)"
                    : " cannot turn " + join(off) + " back on: scopes only narrow";
            report(Rule.SCOPE_WIDEN, sc.pos(), f, "scope " + sc.ctx().text() + " inside scope " + f.text() + effect
                    + via(f));
        }
        return new Frame(f.decl(), f.perms().and(inner), sc.ctx().text(), f.decl(), f.chain());
    }

    private void queue(Stmt.Queue q, Frame f) {
        if (f.perms() == null || f.perms().equals(sys.vocab().all())) {
            return;
        }
        report(Rule.SCOPE_HANDOFF, q.pos(), f, "work queued on " + q.workqueue() + " from inside scope " + f.text()
                + " runs without it" + via(f));
    }

    /** Where the scope came from, when it was entered outside the body holding the statement. */
    private static String via(Frame f) {
        return f.origin() == f.decl() ? "" : " (via " + String.join(" -> ", f.chain()) + ")";
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private void report(Rule rule, SourcePos pos, Frame f, String message) {
        if (reported.add(List.of(rule, pos, message))) {
            List<Related> related = f.origin() == null || f.origin() == f.decl() ? List.of()
                    : List.of(new Related("scope entered in " + f.origin().kind() + " " + f.origin().name(),
                            f.origin().pos()));
            findings.add(new Finding(rule, message, pos, related, sys.pathOf(f.decl()), sys.name()));
        }
    }
}
