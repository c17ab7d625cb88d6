package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.reclaim.model.Decl;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * A path-sensitive walk of one body over a set of abstract states. Both branches of every
 * {@code if} are taken (the context is not known statically here), a {@code trylock} splits into
 * success and failure, {@code stop} ends the path, and {@code call} runs the op's body in place
 * (an op already on the call stack is skipped, so recursion terminates).
 *
 * <p>States are deduplicated by {@code equals} and capped at {@link #MAX_STATES} per program point
 * (the first ones are kept), so a body costs time linear in its length. Past the cap the walk is no
 * longer exhaustive; real bodies stay far below it.
 */
abstract class PathEngine<S> {
    static final int MAX_STATES = 64;

    /**
     * Where a statement runs: {@code decl} is the declaration whose body holds it; {@code via} is
     * the call statement of the checked body through which it was reached (null in that body).
     */
    record Site(Decl decl, Stmt.Call via) {
        boolean inlined() {
            return via != null;
        }
    }

    protected final SystemModel sys;
    private final Set<String> onStack = new HashSet<>();

    PathEngine(SystemModel sys) {
        this.sys = sys;
    }

    /** Walks {@code body} from {@code initial}; paths that fall off its end go to {@link #atEnd}. */
    final List<S> run(Body body, S initial) {
        onStack.clear();
        if (body.decl() instanceof Decl.Op op) {
            onStack.add(op.name());
        }
        List<S> out = block(body.stmts(), List.of(initial), new Site(body.decl(), null));
        for (S s : out) {
            atEnd(s);
        }
        return out;
    }

    // ---- hooks ----

    /** Any statement without control flow; returns the successor state. */
    protected abstract S step(S state, Stmt s, Site site);

    /** The state after {@code trylock} succeeded, or empty when it cannot succeed. */
    protected abstract Optional<S> tryLockSucceeds(S state, Stmt.TryLock t, Site site);

    /** A path ended at {@code at}: a {@code stop}, or a {@code trylock ... else stop} that failed. */
    protected void stopped(S state, Stmt at, Site site) {
    }

    /** A path fell off the end of the checked body. */
    protected void atEnd(S state) {
    }

    /** Records that a path took one side of a branch (for witnesses); identity by default. */
    protected S branch(S state, Stmt at, boolean taken) {
        return state;
    }

    /**
     * A path that took one side of the branch at {@code at} reached its join; {@code otherSide} are
     * the states the other side reached there (for witnesses: did this side make a difference?).
     */
    protected S settle(S state, Stmt at, List<S> otherSide) {
        return state;
    }

    // ---- walk ----

    private List<S> block(List<Stmt> stmts, List<S> in, Site site) {
        List<S> cur = in;
        for (Stmt s : stmts) {
            if (cur.isEmpty()) {
                break;
            }
            cur = stmt(s, cur, site);
        }
        return cur;
    }

    private List<S> stmt(Stmt s, List<S> in, Site site) {
        if (s instanceof Stmt.If i) {
            List<S> then = block(i.then(), tag(in, i, true), site);
            List<S> orElse = block(i.orElse(), tag(in, i, false), site);
            return join(then, orElse, i);
        }
        if (s instanceof Stmt.Scope sc) {
            return block(sc.body(), in, site);
        }
        if (s instanceof Stmt.TryLock t) {
            return tryLock(t, in, site);
        }
        if (s instanceof Stmt.Stop) {
            for (S st : in) {
                stopped(st, s, site);
            }
            return List.of();
        }
        if (s instanceof Stmt.Call c) {
            Optional<Decl.Op> op = sys.op(c.op());
            if (op.isEmpty() || !onStack.add(c.op())) {
                return in;
            }
            try {
                return block(op.get().body(), in, new Site(op.get(), site.via() == null ? c : site.via()));
            } finally {
                onStack.remove(c.op());
            }
        }
        List<S> out = new ArrayList<>();
        for (S st : in) {
            out.add(step(st, s, site));
        }
        return cap(out);
    }

    private List<S> tryLock(Stmt.TryLock t, List<S> in, Site site) {
        List<S> success = new ArrayList<>();
        for (S st : in) {
            tryLockSucceeds(st, t, site).ifPresent(success::add);
        }
        if (t.elseStop()) {
            for (S st : in) {
                stopped(branch(st, t, false), t, site);
            }
            return cap(success);
        }
        List<S> failed = block(t.orElse(), tag(in, t, false), site);
        return join(tag(success, t, true), failed, t);
    }

    private List<S> tag(List<S> in, Stmt at, boolean taken) {
        List<S> out = new ArrayList<>(in.size());
        for (S st : in) {
            out.add(branch(st, at, taken));
        }
        return out;
    }

    private List<S> join(List<S> a, List<S> b, Stmt at) {
        List<S> out = new ArrayList<>(a.size() + b.size());
        for (S st : a) {
            out.add(settle(st, at, b));
        }
        for (S st : b) {
            out.add(settle(st, at, a));
        }
        return cap(out);
    }

    private List<S> cap(List<S> states) {
        List<S> unique = new ArrayList<>(new LinkedHashSet<>(states));
        return unique.size() <= MAX_STATES ? unique : unique.subList(0, MAX_STATES);
    }
}
