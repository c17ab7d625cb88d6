package dev.reclaim.dsl.lowering;

import dev.reclaim.analysis.structure.ContextResolver;
import dev.reclaim.analysis.structure.Expr;
import dev.reclaim.dsl.reclaim.ContextExpr;
import dev.reclaim.dsl.reclaim.ContextOp;
import dev.reclaim.dsl.reclaim.ContextTerm;
import dev.reclaim.dsl.reclaim.GroupTerm;
import dev.reclaim.dsl.reclaim.NoneTerm;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.RefTerm;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.PermSet;

/**
 * Context expressions: lowered to the resolver's plain-Java {@link Expr} (left to right, as
 * LANGUAGE.md says), and evaluated at use sites once the named contexts are resolved.
 */
final class ContextLowering {
    private final Positions positions;
    private ContextResolver resolver;

    ContextLowering(Positions positions) {
        this.positions = positions;
    }

    void resolveWith(ContextResolver resolver) {
        this.resolver = resolver;
    }

    Expr expr(ContextExpr e) {
        if (e == null || e.getTerms().isEmpty()) {
            return new Expr.None(positions.of(e));
        }
        Expr acc = term(e.getTerms().get(0));
        for (int i = 1; i < e.getTerms().size(); i++) {
            ContextOp op = e.getOps().get(i - 1);
            acc = new Expr.Binary(acc, op == ContextOp.ADD ? Expr.Op.ADD : Expr.Op.REMOVE, term(e.getTerms().get(i)));
        }
        return acc;
    }

    private Expr term(ContextTerm t) {
        if (t instanceof NoneTerm) {
            return new Expr.None(positions.of(t));
        }
        if (t instanceof GroupTerm g) {
            return expr(g.getExpr());
        }
        RefTerm r = (RefTerm) t;
        return new Expr.Ref(Positions.text(r, ReclaimPackage.eINSTANCE.getRefTerm_Ref()), positions.of(r));
    }

    /** A context written at a use site ({@code alloc 1 NOFS - io}). */
    Ctx use(ContextExpr e) {
        if (e == null) {
            return null;
        }
        PermSet perms = resolver == null ? PermSet.NONE : resolver.evaluate(expr(e));
        return new Ctx(perms, Positions.text(e));
    }
}
