package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * The lexical context of a point in a walk: everything that depends on where the statement is,
 * not on which path reached it (that is {@link Held}). Frames link to the frame that called their
 * op, so entering an op costs O(1) and the trail of related locations is only built for findings.
 *
 * @param actor      the thread walked, or null while summarising a shrinker on its own
 * @param shrinker   the shrinker whose body is being run, or null outside every shrinker
 * @param mask       the scope mask: the thread's scope narrowed by every enclosing {@code scope}
 * @param reclaimCtx the reclaim context {@code if} tests inside a shrinker ({@code sc->gfp_mask})
 * @param stack      the layer stack: the served instance, then the owners of the ops entered
 * @param op         the innermost op, null in a thread's, workqueue's or shrinker's own body
 * @param caller     the frame that called {@code op}, null at the top
 * @param call       the {@code call} statement that entered {@code op}
 * @param root       the first related location (the shrinker part being run), or null
 */
record Frame(Actor actor, Shrinker shrinker, PermSet mask, PermSet reclaimCtx, List<String> stack, Op op,
             Frame caller, Stmt.Call call, Related root) {

    static Frame thread(Actor a) {
        List<String> stack = a.isServer() ? List.of(a.serves()) : List.of();
        return new Frame(a, null, a.mask(), null, stack, null, null, null, null);
    }

    static Frame shrinker(Shrinker s, PermSet reclaimCtx, PermSet all, Related part) {
        return new Frame(null, s, all, reclaimCtx, List.of(), null, null, null, part);
    }

    Frame enter(Op o, Stmt.Call c) {
        List<String> st = stack;
        if (o.owner() != null && !st.contains(o.owner())) {
            List<String> grown = new ArrayList<>(st.size() + 1);
            grown.addAll(st);
            grown.add(o.owner());
            st = Collections.unmodifiableList(grown);
        }
        return new Frame(actor, shrinker, mask, reclaimCtx, st, o, this, c, root);
    }

    /** A {@code scope}: same op and caller, narrower mask. */
    Frame scoped(PermSet narrow) {
        return new Frame(actor, shrinker, mask.and(narrow), reclaimCtx, stack, op, caller, call, root);
    }

    boolean inShrinker() {
        return shrinker != null;
    }

    /** Whether {@code o} is being run on this path already (a recursive call). */
    boolean inside(Op o) {
        for (Frame f = this; f != null; f = f.caller) {
            if (f.op == o) {
                return true;
            }
        }
        return false;
    }

    /** The steps that led here, outermost first: the shrinker part, then every call. */
    List<Related> trail() {
        List<Related> out = new ArrayList<>();
        for (Frame f = this; f != null && f.call != null; f = f.caller) {
            out.add(new Related("calls op " + f.op.name(), f.call.pos()));
        }
        if (root != null) {
            out.add(root);
        }
        Collections.reverse(out);
        return out;
    }

    // Frames are contexts, not values: compare by identity (a record would compare whole chains).
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
