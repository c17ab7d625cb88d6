package dev.reclaim.sim;

import dev.reclaim.model.Stmt;

/** A statement as the user wrote it (one line; blocks elided), for traces and stacks. */
final class StmtText {
    private StmtText() {
    }

    static String of(Stmt s) {
        if (s instanceof Stmt.Alloc x) {
            return "alloc " + x.pages() + " " + x.ctx().text();
        } else if (s instanceof Stmt.Free x) {
            return "free " + x.pages();
        } else if (s instanceof Stmt.Lock x) {
            return "lock " + x.lock() + (x.shared() ? " shared" : "");
        } else if (s instanceof Stmt.Unlock x) {
            return "unlock " + x.lock();
        } else if (s instanceof Stmt.TryLock x) {
            return "trylock " + x.lock() + (x.elseStop() ? " else stop" : "");
        } else if (s instanceof Stmt.Write x) {
            return "write " + x.instance();
        } else if (s instanceof Stmt.Submit x) {
            return "submit " + x.instance();
        } else if (s instanceof Stmt.Wait x) {
            return "wait " + x.instance();
        } else if (s instanceof Stmt.Fill x) {
            return "fill " + x.instance() + " " + x.pages() + " " + x.ctx().text();
        } else if (s instanceof Stmt.Dirty x) {
            return "dirty " + x.instance() + " " + x.pages();
        } else if (s instanceof Stmt.Clean x) {
            return "clean " + x.instance();
        } else if (s instanceof Stmt.Call x) {
            return "call " + x.op();
        } else if (s instanceof Stmt.Scope x) {
            return "scope " + x.ctx().text();
        } else if (s instanceof Stmt.If x) {
            return "if " + x.permission();
        } else if (s instanceof Stmt.Queue x) {
            return "queue " + x.workqueue();
        } else if (s instanceof Stmt.Take x) {
            return "take " + x.pool();
        } else if (s instanceof Stmt.Give x) {
            return "give " + x.pool();
        } else if (s instanceof Stmt.Stop) {
            return "stop";
        }
        return s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
