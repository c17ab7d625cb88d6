package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * One way a thread reaches an {@code alloc} or {@code fill}: the same statement may appear several
 * times, with different held states or through different calls. The frame gives the layer stack
 * the allocation belongs to and the innermost op (null in the thread's own body);
 * {@code narrowed} names the effective context when scopes made it narrower than written, else
 * null.
 */
record AllocSite(Actor actor, Stmt stmt, PermSet effective, String narrowed, Held held, Frame frame) {

    List<String> stack() {
        return frame.stack();
    }

    Op op() {
        return frame.op();
    }

    List<Related> trail() {
        return frame.trail();
    }

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

    /** The context as written, with what scopes made of it: "KERNEL", "KERNEL (effective NOFS)". */
    String ctxWithEffective() {
        return narrowed == null ? ctxText() : ctxText() + " (effective " + narrowed + ")";
    }
}
