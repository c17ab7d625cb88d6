package dev.reclaim.analysis.reclaim;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.reclaim.model.Decl.LockDecl;
import dev.reclaim.model.Decl.LockKind;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * Walks a body statement by statement with a set of distinct {@link Held} states rather than one
 * path at a time: a branch multiplies paths but only distinct lock sets survive, so a sequence of
 * {@code trylock ... else { }} does not blow up. The walker reports allocation sites and blocking
 * waits to a {@link Visitor}; the analyses decide what they mean.
 *
 * <p>Choices where the language leaves room:
 * <ul>
 * <li>{@code if PERM} takes one branch: inside a shrinker (and the ops it calls) it tests the
 *     reclaim context, elsewhere the scope mask; an undeclared permission is never held.</li>
 * <li>{@code trylock L} never waits: one outcome holds L, the other runs the else block (or ends
 *     the path on {@code else stop}) and continues without it.</li>
 * <li>{@code stop} ends the path of the whole body being walked (count or scan), also from inside
 *     a nested block or a called op; outside a shrinker it is a structural error and ends the path
 *     too.</li>
 * <li>{@code call} of an unknown op, or of an op already being run on this path (recursion), does
 *     nothing: the first entry already covers what the op can do. An op entered again in the same
 *     situation is not walked again (see {@link #call}): its allocations and waits are reported
 *     once, along the first call path.</li>
 * <li>{@code lock L shared} on a mutex is exclusive (a mutex has no shared side).</li>
 * <li>Whether an rwsem prefers writers is part of every wait on it ({@link WaitTarget.OnLock}):
 *     the walk itself treats both kinds alike.</li>
 * <li>A walk stops silently after a fixed number of statement visits, so a pathological body
 *     (say, long chains of {@code trylock ... else { }} multiplying lock states) cannot make the
 *     checker hang; real policies stay far below.</li>
 * </ul>
 */
final class Walker {
    /** Receives the events of a walk. */
    interface Visitor {
        /** {@code alloc} or {@code fill}. */
        default void alloc(Frame f, Stmt site, Held held) {
        }

        /** A statement that may block; {@code held} is what the path holds while it waits. */
        default void waitFor(Frame f, Stmt at, WaitTarget target, Held held) {
        }
    }

    static final long BUDGET = 200_000;

    private final Facts facts;
    private final Visitor visitor;
    private long left = BUDGET;
    private int cuts;
    private final Map<CallKey, Set<Held>> calls = new HashMap<>();

    Walker(Facts facts, Visitor visitor) {
        this.facts = facts;
        this.visitor = visitor;
    }

    Set<Held> walk(List<Stmt> body, Frame f, Set<Held> in) {
        Set<Held> cur = in;
        for (Stmt s : body) {
            if (cur.isEmpty()) {
                break;
            }
            if (--left < 0) {
                return Set.of();
            }
            cur = step(s, f, cur);
        }
        return cur;
    }

    private Set<Held> step(Stmt s, Frame f, Set<Held> in) {
        if (s instanceof Stmt.Alloc || s instanceof Stmt.Fill) {
            for (Held h : in) {
                visitor.alloc(f, s, h);
            }
            return in;
        }
        if (s instanceof Stmt.Lock l) {
            boolean rwsem = isRwsem(l.lock());
            WaitTarget.OnLock t = new WaitTarget.OnLock(l.lock(), l.shared() && rwsem,
                    rwsem && isWriterPreferring(l.lock()));
            for (Held h : in) {
                visitor.waitFor(f, s, t, h);
            }
            HeldItem taken = item(Res.lock(l.lock(), t.shared()), s, f);
            return map(in, h -> h.with(taken));
        }
        if (s instanceof Stmt.Unlock u) {
            return map(in, h -> h.release(true, u.lock()));
        }
        if (s instanceof Stmt.TryLock t) {
            HeldItem taken = item(Res.lock(t.lock(), false), s, f);
            Set<Held> got = map(in, h -> h.with(taken));
            if (t.elseStop()) {
                return got;
            }
            Set<Held> out = new LinkedHashSet<>(got);
            out.addAll(walk(t.orElse(), f, in));
            return out;
        }
        if (s instanceof Stmt.Write w) {
            return io(f, s, w.instance(), in);
        }
        if (s instanceof Stmt.Clean c) {
            return io(f, s, c.instance(), in);
        }
        if (s instanceof Stmt.Wait w) {
            return io(f, s, w.instance(), in);
        }
        if (s instanceof Stmt.Take t) {
            WaitTarget target = new WaitTarget.OnPool(t.pool());
            for (Held h : in) {
                visitor.waitFor(f, s, target, h);
            }
            HeldItem taken = item(Res.pool(t.pool()), s, f);
            return map(in, h -> h.with(taken));
        }
        if (s instanceof Stmt.Give g) {
            return map(in, h -> h.release(false, g.pool()));
        }
        if (s instanceof Stmt.Call c) {
            return call(c, f, in);
        }
        if (s instanceof Stmt.Scope sc) {
            PermSet narrow = sc.ctx() == null ? facts.all() : sc.ctx().perms();
            return walk(sc.body(), f.scoped(narrow), in);
        }
        if (s instanceof Stmt.If i) {
            PermSet tested = f.inShrinker() ? f.reclaimCtx() : f.mask();
            boolean taken = facts.vocab().permission(i.permission()).map(tested::has).orElse(false);
            return walk(taken ? i.then() : i.orElse(), f, in);
        }
        if (s instanceof Stmt.Stop) {
            return Set.of();
        }
        // free, dirty, submit, queue: never wait
        return in;
    }

    /**
     * Runs an op once per distinct entry state and context, remembering the outcome: an op called
     * again with the same layer stack, scope mask, reclaim context and held state behaves the same
     * (only the call path differs, which is just the trail of related locations), so diamonds of
     * calls cost linear time. An outcome that a recursion cut or the budget shaped is not kept.
     */
    private Set<Held> call(Stmt.Call c, Frame f, Set<Held> in) {
        Op op = facts.sys().op(c.op()).orElse(null);
        if (op == null) {
            return in;
        }
        if (f.inside(op)) {
            cuts++;
            return in;
        }
        Frame inner = f.enter(op, c);
        Set<Held> out = in.size() == 1 ? null : new LinkedHashSet<>();
        for (Held h : in) {
            CallKey key = new CallKey(op, inner.mask(), inner.reclaimCtx(), inner.stack(), h);
            Set<Held> r = calls.get(key);
            if (r == null) {
                int before = cuts;
                r = walk(op.body(), inner, Set.of(h));
                if (cuts == before && left >= 0) {
                    calls.put(key, r);
                }
            }
            if (out == null) {
                return r;
            }
            out.addAll(r);
        }
        return out;
    }

    /** An op entry; the op compares by identity (hashing a record would hash its whole body). */
    private record CallKey(Op op, PermSet mask, PermSet reclaimCtx, List<String> stack, Held in) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CallKey k && k.op == op && k.mask.equals(mask)
                    && Objects.equals(k.reclaimCtx, reclaimCtx) && k.stack.equals(stack) && k.in.equals(in);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(op) * 31 + Objects.hash(mask, reclaimCtx, stack, in);
        }
    }

    private Set<Held> io(Frame f, Stmt s, String instance, Set<Held> in) {
        WaitTarget target = new WaitTarget.OnIo(instance, facts.io().route(instance));
        for (Held h : in) {
            visitor.waitFor(f, s, target, h);
        }
        return in;
    }

    private boolean isRwsem(String lock) {
        return facts.sys().lock(lock).map(LockDecl::lockKind).map(k -> k == LockKind.RWSEM).orElse(true);
    }

    /** Unknown locks count as rwsems (above) and take the rwsem default: writer-preferring. */
    private boolean isWriterPreferring(String lock) {
        return facts.sys().lock(lock).map(LockDecl::writerPreferring).orElse(true);
    }

    private static HeldItem item(Res r, Stmt at, Frame f) {
        Op op = f.op();
        return new HeldItem(r, at.pos(), op == null ? null : op.name());
    }

    /** Applies {@code fn} to every state; the usual single state needs no set of its own. */
    private static Set<Held> map(Set<Held> in, java.util.function.UnaryOperator<Held> fn) {
        if (in.size() == 1) {
            return Set.of(fn.apply(in.iterator().next()));
        }
        Set<Held> out = new LinkedHashSet<>();
        for (Held h : in) {
            out.add(fn.apply(h));
        }
        return out;
    }
}
