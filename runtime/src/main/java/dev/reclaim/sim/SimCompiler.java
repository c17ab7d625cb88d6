package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.Decl;
import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.Decl.ThreadKind;
import dev.reclaim.model.Decl.Workqueue;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * Compiles a {@link SystemModel} to a {@link Program}. Ops are inlined at every call, so the scope
 * mask of every instruction outside a shrinker is known here: {@code if} outside a shrinker is
 * decided at compile time and each allocation carries its effective context. Only shrinker code
 * tests a context at run time (the pass's, LANGUAGE.md §4 rule 8).
 *
 * <p>The model may have structural errors (the checker is not the oracle): unknown names compile
 * to a plain scheduling point, a recursive {@code call} halts the thread, and {@code stop} outside
 * a shrinker does nothing.
 */
public final class SimCompiler {
    private final SystemModel sys;
    private final Program p = new Program();
    private final Code code = new Code();
    private final Map<String, Integer> inst = new HashMap<>();
    private final Map<String, Integer> locks = new HashMap<>();
    private final Map<String, Integer> pools = new HashMap<>();
    private final Map<String, Integer> wqs = new HashMap<>();
    private final Map<String, Integer> caches = new HashMap<>();
    private final Map<String, Integer> queues = new HashMap<>();
    private Emitter emit;

    private SimCompiler(SystemModel sys) {
        this.sys = sys;
    }

    /** @throws IllegalArgumentException when the system has more than {@link Program#MAX_THREADS} threads */
    public static Program compile(SystemModel sys) {
        return new SimCompiler(sys).build();
    }

    private Program build() {
        p.sys = sys;
        p.code = code;
        p.allPerms = sys.vocab().all().bits();
        p.directBit = sys.vocab().permission("direct").map(x -> x.bit()).orElse(-1);
        memory();
        entities();
        emit = new Emitter(sys, p, code, inst, locks, pools, wqs, caches, queues);
        threads();
        pass();
        code.trim();
        StateLayout l = new StateLayout(sys, p, code, caches);
        l.capabilities();
        l.layout();
        return p;
    }

    private void memory() {
        SystemModel.Memory m = sys.memory();
        p.hasMemory = m != null;
        if (m == null) {
            p.total = 1 << 29;
        } else {
            p.total = Math.max(0, m.total());
            p.min = Math.max(0, m.min());
            p.low = Math.max(0, m.low());
            p.high = Math.max(0, m.high());
        }
    }

    private void entities() {
        List<Instance> is = sys.instances();
        p.instName = new String[is.size()];
        for (int i = 0; i < is.size(); i++) {
            p.instName[i] = is.get(i).name();
            inst.putIfAbsent(is.get(i).name(), i);
        }
        Set<String> served = new HashSet<>();
        for (Instance i : is) {
            if (!i.servedBy().isEmpty()) {
                served.add(i.name());
            }
        }
        for (ThreadDecl t : sys.threads()) {
            if (t.threadKind() == ThreadKind.SERVER && t.serves() != null && inst.containsKey(t.serves())) {
                served.add(t.serves());
            }
        }
        List<Integer> qi = new ArrayList<>();
        for (int i = 0; i < is.size(); i++) {
            if (served.contains(is.get(i).name()) && !queues.containsKey(is.get(i).name())) {
                queues.put(is.get(i).name(), qi.size());
                qi.add(i);
            }
        }
        p.queueInst = qi.stream().mapToInt(Integer::intValue).toArray();
        Set<String> cached = new LinkedHashSet<>();
        for (SystemModel.Cache c : sys.caches()) {
            cached.add(c.instance());
        }
        List<List<Stmt>> bodies = new ArrayList<>();
        sys.threads().forEach(t -> bodies.add(t.body()));
        sys.ops().forEach(o -> bodies.add(o.body()));
        sys.workqueues().forEach(w -> bodies.add(w.body()));
        for (Decl.Shrinker s : sys.shrinkers()) {
            if (s.count() != null) {
                bodies.add(s.count());
            }
            bodies.add(s.scan());
        }
        bodies.forEach(b -> collectCached(b, cached));
        List<Integer> ci = new ArrayList<>();
        p.cacheOfInst = new int[is.size()];
        java.util.Arrays.fill(p.cacheOfInst, -1);
        for (String n : cached) {
            Integer i = inst.get(n);
            if (i != null && p.cacheOfInst[i] < 0) {
                p.cacheOfInst[i] = ci.size();
                caches.put(n, ci.size());
                ci.add(i);
            }
        }
        p.cacheInst = ci.stream().mapToInt(Integer::intValue).toArray();
        p.lockName = new String[sys.locks().size()];
        p.writerPref = new boolean[p.lockName.length];
        for (int i = 0; i < p.lockName.length; i++) {
            Decl.LockDecl l = sys.locks().get(i);
            p.lockName[i] = l.name();
            p.writerPref[i] = l.lockKind() == Decl.LockKind.RWSEM && l.writerPreferring();
            locks.putIfAbsent(l.name(), i);
        }
        p.poolName = new String[sys.mempools().size()];
        p.poolSize = new int[p.poolName.length];
        for (int i = 0; i < p.poolName.length; i++) {
            p.poolName[i] = sys.mempools().get(i).name();
            p.poolSize[i] = Math.max(0, sys.mempools().get(i).size());
            pools.putIfAbsent(p.poolName[i], i);
        }
        p.wqName = new String[sys.workqueues().size()];
        p.wqMemreclaim = new boolean[p.wqName.length];
        for (int i = 0; i < p.wqName.length; i++) {
            p.wqName[i] = sys.workqueues().get(i).name();
            p.wqMemreclaim[i] = sys.workqueues().get(i).memreclaim();
            wqs.putIfAbsent(p.wqName[i], i);
        }
        p.shrinkerName = sys.shrinkers().stream().map(Decl.Shrinker::name).toArray(String[]::new);
    }

    private static void collectCached(List<Stmt> body, Set<String> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Fill f) {
                out.add(f.instance());
            } else if (s instanceof Stmt.Dirty d) {
                out.add(d.instance());
            } else if (s instanceof Stmt.Scope sc) {
                collectCached(sc.body(), out);
            } else if (s instanceof Stmt.If i) {
                collectCached(i.then(), out);
                collectCached(i.orElse(), out);
            } else if (s instanceof Stmt.TryLock t && t.orElse() != null) {
                collectCached(t.orElse(), out);
            }
        }
    }

    private void threads() {
        List<ThreadDecl> ts = sys.threads();
        int n = ts.size() + sys.workqueues().size();
        if (n > Program.MAX_THREADS) {
            throw new IllegalArgumentException("the simulator supports at most " + Program.MAX_THREADS
                    + " threads (workqueue workers included); system " + sys.name() + " has " + n);
        }
        p.nThreads = n;
        p.threadName = new String[n];
        p.threadKind = new int[n];
        p.top = new int[n];
        p.end = new int[n];
        p.threadPos = new SourcePos[n];
        p.serveQueue = new int[n];
        p.allMask = n == 32 ? -1 : (1 << n) - 1;
        for (int t = 0; t < ts.size(); t++) {
            ThreadDecl d = ts.get(t);
            p.threadName[t] = d.name();
            p.threadPos[t] = d.pos();
            p.serveQueue[t] = -1;
            p.top[t] = code.size;
            long mask = d.scope() == null ? p.allPerms : d.scope().perms().bits() & p.allPerms;
            switch (d.threadKind()) {
                case KSWAPD -> {
                    p.threadKind[t] = Program.KSWAPD;
                    p.kswapdMask |= 1 << t;
                    int f = code.frame(-1, "kswapd " + d.name(), d.pos(), true);
                    code.emit(Ins.KSWAPD_TOP, 0, 0, 0, true, f, "kswapd reclaim pass", d.pos());
                }
                case SERVER -> {
                    p.threadKind[t] = Program.SERVER;
                    Integer q = d.serves() == null ? null : queues.get(d.serves());
                    int f = code.frame(-1, "serves " + d.serves(), d.pos(), true);
                    if (q == null) {
                        code.emit(Ins.HALT, 0, 0, 0, true, f, "serves " + d.serves() + " (unknown instance)", d.pos());
                    } else {
                        p.serveQueue[t] = q;
                        code.emit(Ins.SERVE_TOP, q, 0, 0, true, f, "next request on " + d.serves(), d.pos());
                        emit.body(d.body(), mask, false, f, new HashSet<>());
                        code.emit(Ins.SERVE_DONE, 0, 0, 0, false, f, "request on " + d.serves() + " done", d.pos());
                        code.emit(Ins.JUMP_TOP, 0, 0, 0, false, f, "serves " + d.serves(), d.pos());
                    }
                }
                case TASK -> {
                    p.threadKind[t] = Program.TASK;
                    int f = code.frame(-1, "task " + d.name(), d.pos(), true);
                    emit.body(d.body(), mask, false, f, new HashSet<>());
                    code.emit(Ins.JUMP_TOP, 0, 0, 0, false, f, "task " + d.name(), d.pos());
                }
            }
            p.end[t] = code.size;
        }
        p.wqWorker = new int[sys.workqueues().size()];
        for (int w = 0; w < sys.workqueues().size(); w++) {
            int t = ts.size() + w;
            Workqueue q = sys.workqueues().get(w);
            p.wqWorker[w] = t;
            p.threadName[t] = "kworker/" + q.name();
            p.threadPos[t] = q.pos();
            p.threadKind[t] = Program.WORKER;
            p.serveQueue[t] = -1;
            p.top[t] = code.size;
            int f = code.frame(-1, "work " + q.name(), q.pos(), true);
            code.emit(Ins.WQ_TOP, w, 0, 0, true, f, "start work " + q.name(), q.pos());
            if (!q.memreclaim()) {
                long kernel = sys.vocab().context("KERNEL").map(c -> c.perms().bits()).orElse(p.allPerms);
                int at = code.emit(Ins.ALLOC, 1, -1, emit.hasDirect(kernel) ? Ins.DIRECT : 0, true, f,
                        "alloc 1 KERNEL", q.pos());
                code.ctx[at] = kernel;
            }
            code.emit(Ins.WQ_BEGIN, w, 0, 0, false, f, "work " + q.name(), q.pos());
            emit.body(q.body(), p.allPerms, false, f, new HashSet<>());
            if (!q.memreclaim()) {
                code.emit(Ins.FREE, 1, 0, 0, false, f, "free 1", q.pos());
            }
            code.emit(Ins.JUMP_TOP, 0, 0, 0, false, f, "work " + q.name(), q.pos());
            p.end[t] = code.size;
        }
    }

    /** Shrinkers in declaration order, each count then scan; a stop jumps to the next shrinker. */
    private void pass() {
        p.passStart = code.size;
        List<Decl.Shrinker> ss = sys.shrinkers();
        for (int i = 0; i < ss.size(); i++) {
            Decl.Shrinker s = ss.get(i);
            emit.stopPatches.clear();
            int root = code.frame(-1, "shrinker " + s.name(), s.pos(), true);
            if (s.count() != null) {
                SourcePos cp = s.countPos() == null ? s.pos() : s.countPos();
                int f = code.frame(root, "shrinker " + s.name() + " count", cp, false);
                code.emit(Ins.SHRINK_START, i, 0, 0, true, f, "shrinker " + s.name() + " count", cp);
                emit.body(s.count(), p.allPerms, true, f, new HashSet<>());
            }
            SourcePos sp = s.scanPos() == null ? s.pos() : s.scanPos();
            int f = code.frame(root, "shrinker " + s.name() + " scan", sp, false);
            code.emit(Ins.SHRINK_START, i, 1, 0, true, f, "shrinker " + s.name() + " scan", sp);
            emit.body(s.scan(), p.allPerms, true, f, new HashSet<>());
            Integer ci = caches.get(s.owner());
            code.emit(Ins.SCAN_END, ci == null ? -1 : ci, 0, 0, false, f, "shrinker " + s.name() + " scan frees", sp);
            // a stop is a JUMP (patch a) or a busy TRYLOCK (patch b, recorded as -pc - 1)
            for (int at : emit.stopPatches) {
                if (at >= 0) {
                    code.a[at] = code.size;
                } else {
                    code.b[-at - 1] = code.size;
                }
            }
        }
        code.emit(Ins.PASS_END, 0, 0, 0, false, -1, "end of reclaim pass", SourcePos.UNKNOWN);
    }
}
