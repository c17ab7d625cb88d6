package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * One way a thread reaches an {@code alloc} or {@code fill}: the same statement may appear several
 * times, with different held states or through different calls. {@code stack} is the layer stack
 * the allocation belongs to; {@code op} the innermost op (null in the thread's own body).
 */
record AllocSite(Actor actor, Stmt stmt, PermSet effective, Held held, List<String> stack, Op op,
                 List<Related> trail) {

    Ctx ctx() {
        return stmt instanceof Stmt.Fill f ? f.ctx() : ((Stmt.Alloc) stmt).ctx();
    }

    int pages() {
        return stmt instanceof Stmt.Fill f ? f.pages() : ((Stmt.Alloc) stmt).pages();
    }

    /** The instance a {@code fill} adds to, or null for {@code alloc}. */
    String filled() {
        return stmt instanceof Stmt.Fill f ? f.instance() : null;
    }

    String ctxText() {
        Ctx c = ctx();
        return c == null || c.text() == null ? "?" : c.text();
    }
}
