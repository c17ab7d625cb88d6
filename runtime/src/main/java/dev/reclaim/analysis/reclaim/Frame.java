package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * The lexical context of a point in a walk: everything that depends on where the statement is,
 * not on which path reached it (that is {@link Held}).
 *
 * @param actor      the thread walked, or null while summarising a shrinker on its own
 * @param shrinker   the shrinker whose body is being run, or null outside every shrinker
 * @param mask       the scope mask: the thread's scope narrowed by every enclosing {@code scope}
 * @param reclaimCtx the reclaim context {@code if} tests inside a shrinker ({@code sc->gfp_mask})
 * @param stack      the layer stack: the served instance, then the owners of the ops entered
 * @param ops        the ops entered, outermost first
 * @param trail      the steps that led here (calls, the shrinker part), for related locations
 */
record Frame(Actor actor, Shrinker shrinker, PermSet mask, PermSet reclaimCtx, List<String> stack, List<Op> ops,
             List<Related> trail) {

    static Frame thread(Actor a) {
        List<String> stack = a.isServer() ? List.of(a.serves()) : List.of();
        return new Frame(a, null, a.mask(), null, stack, List.of(), List.of());
    }

    static Frame shrinker(Shrinker s, PermSet reclaimCtx, PermSet all, Related part) {
        return new Frame(null, s, all, reclaimCtx, List.of(), List.of(), List.of(part));
    }

    Frame enter(Op op, Stmt.Call call) {
        List<String> st = new ArrayList<>(stack);
        if (op.owner() != null && !st.contains(op.owner())) {
            st.add(op.owner());
        }
        List<Op> os = new ArrayList<>(ops);
        os.add(op);
        return new Frame(actor, shrinker, mask, reclaimCtx, List.copyOf(st), List.copyOf(os),
                append(trail, new Related("calls op " + op.name(), call.pos())));
    }

    Frame scoped(PermSet narrow) {
        return new Frame(actor, shrinker, mask.and(narrow), reclaimCtx, stack, ops, trail);
    }

    boolean inShrinker() {
        return shrinker != null;
    }

    boolean inside(Op op) {
        for (Op o : ops) {
            if (o == op) {
                return true;
            }
        }
        return false;
    }

    /** The innermost op, or null in a thread's or shrinker's own body. */
    Op op() {
        return ops.isEmpty() ? null : ops.get(ops.size() - 1);
    }

    static List<Related> append(List<Related> list, Related r) {
        List<Related> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(r);
        return List.copyOf(out);
    }
}
