package dev.reclaim.dsl.lowering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.reclaim.dsl.reclaim.Alloc;
import dev.reclaim.dsl.reclaim.Allow;
import dev.reclaim.dsl.reclaim.Block;
import dev.reclaim.dsl.reclaim.Call;
import dev.reclaim.dsl.reclaim.Clean;
import dev.reclaim.dsl.reclaim.Dirty;
import dev.reclaim.dsl.reclaim.Fill;
import dev.reclaim.dsl.reclaim.Free;
import dev.reclaim.dsl.reclaim.Give;
import dev.reclaim.dsl.reclaim.If;
import dev.reclaim.dsl.reclaim.LockStmt;
import dev.reclaim.dsl.reclaim.Queue;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.Scope;
import dev.reclaim.dsl.reclaim.Statement;
import dev.reclaim.dsl.reclaim.Stop;
import dev.reclaim.dsl.reclaim.Submit;
import dev.reclaim.dsl.reclaim.Take;
import dev.reclaim.dsl.reclaim.TryLock;
import dev.reclaim.dsl.reclaim.Unlock;
import dev.reclaim.dsl.reclaim.Wait;
import dev.reclaim.dsl.reclaim.Write;
import dev.reclaim.model.Stmt;

/**
 * Lowers statement ASTs to {@link Stmt}. References are lowered to the names the user wrote, so
 * a body with an unknown name still lowers (the linker reports it) and the other checks still run.
 * {@code allow} statements are handed to {@code waivers}: they belong to the enclosing declaration.
 */
final class StatementLowering {
    private static final ReclaimPackage P = ReclaimPackage.eINSTANCE;

    private final Positions positions;
    private final ContextLowering contexts;
    private final Consumer<Allow> waivers;

    StatementLowering(Positions positions, ContextLowering contexts, Consumer<Allow> waivers) {
        this.positions = positions;
        this.contexts = contexts;
        this.waivers = waivers;
    }

    List<Stmt> block(Block block) {
        List<Stmt> out = new ArrayList<>();
        if (block == null) {
            return out;
        }
        for (Statement s : block.getStatements()) {
            if (s instanceof Allow a) {
                waivers.accept(a);
            } else {
                out.add(statement(s));
            }
        }
        return out;
    }

    private Stmt statement(Statement s) {
        var pos = positions.of(s);
        if (s instanceof Alloc a) {
            return new Stmt.Alloc(a.getPages(), contexts.use(a.getContext()), pos);
        } else if (s instanceof Free f) {
            return new Stmt.Free(f.getPages(), pos);
        } else if (s instanceof LockStmt l) {
            return new Stmt.Lock(Positions.text(l, P.getLockStmt_Lock()), l.isShared(), pos);
        } else if (s instanceof Unlock u) {
            return new Stmt.Unlock(Positions.text(u, P.getUnlock_Lock()), pos);
        } else if (s instanceof TryLock t) {
            return new Stmt.TryLock(Positions.text(t, P.getTryLock_Lock()), t.isStop() ? null : block(t.getOrElse()),
                    pos);
        } else if (s instanceof Write w) {
            return new Stmt.Write(Positions.text(w, P.getWrite_Target()), pos);
        } else if (s instanceof Submit w) {
            return new Stmt.Submit(Positions.text(w, P.getSubmit_Target()), pos);
        } else if (s instanceof Wait w) {
            return new Stmt.Wait(Positions.text(w, P.getWait_Target()), pos);
        } else if (s instanceof Fill f) {
            return new Stmt.Fill(Positions.text(f, P.getFill_Target()), f.getPages(), contexts.use(f.getContext()),
                    pos);
        } else if (s instanceof Dirty d) {
            return new Stmt.Dirty(Positions.text(d, P.getDirty_Target()), d.getPages(), pos);
        } else if (s instanceof Clean c) {
            return new Stmt.Clean(Positions.text(c, P.getClean_Target()), pos);
        } else if (s instanceof Call c) {
            return new Stmt.Call(Positions.text(c, P.getCall_Op()), pos);
        } else if (s instanceof Scope sc) {
            return new Stmt.Scope(contexts.use(sc.getContext()), block(sc.getBody()), pos);
        } else if (s instanceof If i) {
            return new Stmt.If(Positions.text(i, P.getIf_Permission()), block(i.getThen()), block(i.getOrElse()), pos);
        } else if (s instanceof Queue q) {
            return new Stmt.Queue(Positions.text(q, P.getQueue_Workqueue()), pos);
        } else if (s instanceof Take t) {
            return new Stmt.Take(Positions.text(t, P.getTake_Pool()), pos);
        } else if (s instanceof Give g) {
            return new Stmt.Give(Positions.text(g, P.getGive_Pool()), pos);
        } else if (s instanceof Stop) {
            return new Stmt.Stop(pos);
        }
        throw new IllegalStateException("statement kind without lowering: " + s.eClass().getName());
    }
}
