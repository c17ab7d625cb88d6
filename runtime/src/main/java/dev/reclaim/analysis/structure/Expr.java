package dev.reclaim.analysis.structure;

import dev.reclaim.model.SourcePos;

/**
 * A context expression as the front end lowers it ({@code KERNEL - fs + io}). Evaluation is left to
 * right, so the front end builds left-nested {@link Binary} nodes.
 */
public sealed interface Expr {
    SourcePos pos();

    enum Op { ADD, REMOVE }

    /** {@code none}: the empty set. */
    record None(SourcePos pos) implements Expr {}

    /** A permission or context name. */
    record Ref(String name, SourcePos pos) implements Expr {}

    record Binary(Expr left, Op op, Expr right) implements Expr {
        /** From the start of the left operand to the end of the right one. */
        public SourcePos pos() {
            SourcePos l = left.pos();
            SourcePos r = right.pos();
            return new SourcePos(l.file(), l.line(), l.column(), r.endLine(), r.endColumn());
        }
    }
}
