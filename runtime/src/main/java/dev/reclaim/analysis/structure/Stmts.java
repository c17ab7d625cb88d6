package dev.reclaim.analysis.structure;

import java.util.List;
import java.util.function.Consumer;

import dev.reclaim.model.Stmt;

/** Lexical walks over statement trees (no {@code call} following: that is path analysis). */
public final class Stmts {
    private Stmts() {
    }

    /** Visits every statement of {@code body}, nested ones included, in source order. */
    public static void forEach(List<Stmt> body, Consumer<Stmt> visitor) {
        if (body == null) {
            return;
        }
        for (Stmt s : body) {
            visitor.accept(s);
            if (s instanceof Stmt.If i) {
                forEach(i.then(), visitor);
                forEach(i.orElse(), visitor);
            } else if (s instanceof Stmt.Scope sc) {
                forEach(sc.body(), visitor);
            } else if (s instanceof Stmt.TryLock t) {
                forEach(t.orElse(), visitor);
            }
        }
    }
}
