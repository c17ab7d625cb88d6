package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.Decl;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * Emits the instructions of statement lists for {@link SimCompiler}: ops inlined, {@code if}
 * outside shrinkers decided by the static scope mask, each allocation with its effective context,
 * {@code stop} as a jump to the next shrinker (patched by the caller).
 */
final class Emitter {
    private final SystemModel sys;
    private final Program p;
    private final Code code;
    private final Map<String, Integer> inst;
    private final Map<String, Integer> locks;
    private final Map<String, Integer> pools;
    private final Map<String, Integer> wqs;
    private final Map<String, Integer> caches;
    private final Map<String, Integer> queues;
    /** Jumps (pc) and busy trylocks (-pc - 1) that a {@code stop} in the current shrinker emitted. */
    final List<Integer> stopPatches = new ArrayList<>();

    Emitter(SystemModel sys, Program p, Code code, Map<String, Integer> inst, Map<String, Integer> locks,
            Map<String, Integer> pools, Map<String, Integer> wqs, Map<String, Integer> caches,
            Map<String, Integer> queues) {
        this.sys = sys;
        this.p = p;
        this.code = code;
        this.inst = inst;
        this.locks = locks;
        this.pools = pools;
        this.wqs = wqs;
        this.caches = caches;
        this.queues = queues;
    }

    /** The queue IO to {@code target} waits in, or -1 when it completes by itself (§2, first {@code on} edge). */
    private int route(String target) {
        Set<String> seen = new HashSet<>();
        String cur = target;
        while (cur != null && seen.add(cur)) {
            Integer q = queues.get(cur);
            if (q != null) {
                return q;
            }
            Integer i = inst.get(cur);
            if (i == null) {
                return -1;
            }
            List<String> on = sys.instances().get(i).on();
            cur = on.isEmpty() ? null : on.get(0);
        }
        return -1;
    }

    boolean hasDirect(long perms) {
        return p.directBit >= 0 && (perms & (1L << p.directBit)) != 0;
    }

    void body(List<Stmt> stmts, long mask, boolean shrinker, int frame, Set<String> inlining) {
        for (Stmt s : stmts) {
            stmt(s, mask, shrinker, frame, inlining);
        }
    }

    private void stmt(Stmt s, long mask, boolean shrinker, int f, Set<String> inlining) {
        String txt = StmtText.of(s);
        SourcePos pos = s.pos();
        if (s instanceof Stmt.Alloc x) {
            alloc(x.pages(), -1, x.ctx().perms().bits(), mask, shrinker, f, txt, pos);
        } else if (s instanceof Stmt.Fill x) {
            Integer ci = caches.get(x.instance());
            alloc(x.pages(), ci == null ? -1 : ci, x.ctx().perms().bits(), mask, shrinker, f, txt, pos);
        } else if (s instanceof Stmt.Free x) {
            code.emit(Ins.FREE, Math.max(0, x.pages()), 0, 0, true, f, txt, pos);
        } else if (s instanceof Stmt.Lock x) {
            Integer l = locks.get(x.lock());
            boolean shared = x.shared() && l != null && sys.locks().get(l).lockKind() == Decl.LockKind.RWSEM;
            code.emit(l == null ? Ins.NOP : shared ? Ins.LOCK_SHARED : Ins.LOCK, l == null ? 0 : l, 0, 0, true, f,
                    txt, pos);
        } else if (s instanceof Stmt.Unlock x) {
            Integer l = locks.get(x.lock());
            code.emit(l == null ? Ins.NOP : Ins.UNLOCK, l == null ? 0 : l, 0, 0, true, f, txt, pos);
        } else if (s instanceof Stmt.TryLock x) {
            tryLock(x, mask, shrinker, f, inlining, txt);
        } else if (s instanceof Stmt.Write x) {
            io(Ins.WRITE, x.instance(), f, txt, pos);
            code.emit(Ins.WAITBIT, 0, 0, 0, false, f, txt, pos);
        } else if (s instanceof Stmt.Submit x) {
            io(Ins.SUBMIT, x.instance(), f, txt, pos);
        } else if (s instanceof Stmt.Wait x) {
            io(Ins.WAITOWN, x.instance(), f, txt, pos);
            code.emit(Ins.WAITBIT, 0, 0, 0, false, f, txt, pos);
        } else if (s instanceof Stmt.Clean x) {
            io(Ins.CLEAN, x.instance(), f, txt, pos);
            code.emit(Ins.WAITBIT, 0, 0, 0, false, f, txt, pos);
        } else if (s instanceof Stmt.Dirty x) {
            Integer ci = caches.get(x.instance());
            if (ci != null) {
                code.emit(Ins.DIRTY, ci, Math.max(0, x.pages()), 0, false, f, txt, pos);
            }
        } else if (s instanceof Stmt.Call x) {
            call(x, mask, shrinker, f, inlining, txt);
        } else if (s instanceof Stmt.Scope x) {
            body(x.body(), mask & x.ctx().perms().bits(), shrinker, f, inlining);
        } else if (s instanceof Stmt.If x) {
            ifStmt(x, mask, shrinker, f, inlining, txt);
        } else if (s instanceof Stmt.Queue x) {
            Integer w = wqs.get(x.workqueue());
            code.emit(w == null ? Ins.NOP : Ins.QUEUE, w == null ? 0 : w, 0, 0, true, f, txt, pos);
        } else if (s instanceof Stmt.Take x) {
            Integer m = pools.get(x.pool());
            code.emit(m == null ? Ins.NOP : Ins.TAKE, m == null ? 0 : m, 0, 0, true, f, txt, pos);
        } else if (s instanceof Stmt.Give x) {
            Integer m = pools.get(x.pool());
            code.emit(m == null ? Ins.NOP : Ins.GIVE, m == null ? 0 : m, 0, 0, true, f, txt, pos);
        } else if (s instanceof Stmt.Stop) {
            if (shrinker) {
                stopPatches.add(code.emit(Ins.JUMP, -1, 0, 0, false, f, txt, pos));
            }
        }
    }

    private void alloc(int pages, int cache, long declared, long mask, boolean shrinker, int f, String txt,
                       SourcePos pos) {
        long eff = shrinker ? declared & p.allPerms : declared & mask;
        int mode = shrinker ? Ins.PFM : hasDirect(eff) ? Ins.DIRECT : 0;
        int at = code.emit(Ins.ALLOC, Math.max(0, pages), cache, mode, true, f, txt, pos);
        code.ctx[at] = eff;
    }

    private void io(int opcode, String target, int f, String txt, SourcePos pos) {
        Integer i = inst.get(target);
        if (i == null) {
            code.emit(Ins.NOP, 0, 0, 0, true, f, txt, pos);
            return;
        }
        Integer ci = caches.get(target);
        code.emit(opcode, i, route(target), ci == null ? -1 : ci, true, f, txt, pos);
    }

    private void tryLock(Stmt.TryLock x, long mask, boolean shrinker, int f, Set<String> inlining, String txt) {
        Integer l = locks.get(x.lock());
        if (l == null) {
            code.emit(Ins.NOP, 0, 0, 0, true, f, txt, x.pos());
            return;
        }
        int at = code.emit(Ins.TRYLOCK, l, -1, 0, true, f, txt, x.pos());
        if (x.elseStop()) {
            if (shrinker) {
                stopPatches.add(-at - 1);
            } else {
                code.b[at] = at + 1;
            }
            return;
        }
        int skip = code.emit(Ins.JUMP, -1, 0, 0, false, f, txt, x.pos());
        code.b[at] = code.size;
        body(x.orElse(), mask, shrinker, f, inlining);
        code.a[skip] = code.size;
    }

    private void call(Stmt.Call x, long mask, boolean shrinker, int f, Set<String> inlining, String txt) {
        Decl.Op op = sys.op(x.op()).orElse(null);
        if (op == null) {
            return;
        }
        if (!inlining.add(op.name())) {
            code.emit(Ins.HALT, 0, 0, 0, false, f, txt + " (recursive: not simulated)", x.pos());
            return;
        }
        int of = code.frame(f, "op " + op.name(), op.pos(), false);
        body(op.body(), mask, shrinker, of, inlining);
        inlining.remove(op.name());
    }

    private void ifStmt(Stmt.If x, long mask, boolean shrinker, int f, Set<String> inlining, String txt) {
        int bit = sys.vocab().permission(x.permission()).map(q -> q.bit()).orElse(-1);
        if (!shrinker || bit < 0) {
            boolean taken = bit >= 0 && (mask & (1L << bit)) != 0;
            body(taken ? x.then() : x.orElse(), mask, shrinker, f, inlining);
            return;
        }
        int at = code.emit(Ins.IF_RECLAIM, bit, -1, 0, false, f, txt, x.pos());
        body(x.then(), mask, shrinker, f, inlining);
        int skip = code.emit(Ins.JUMP, -1, 0, 0, false, f, txt, x.pos());
        code.b[at] = code.size;
        body(x.orElse(), mask, shrinker, f, inlining);
        code.a[skip] = code.size;
    }

}
