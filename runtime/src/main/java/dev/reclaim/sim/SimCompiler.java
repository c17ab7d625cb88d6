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
    private final List<Integer> stopPatches = new ArrayList<>();

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
        threads();
        pass();
        code.trim();
        capabilities();
        layout();
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
        p.rootFrame = new int[n];
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
                    p.rootFrame[t] = code.frame(-1, "kswapd " + d.name(), d.pos(), true);
                    code.emit(Ins.KSWAPD_TOP, 0, 0, 0, true, p.rootFrame[t], "kswapd reclaim pass", d.pos());
                }
                case SERVER -> {
                    p.threadKind[t] = Program.SERVER;
                    Integer q = d.serves() == null ? null : queues.get(d.serves());
                    int f = code.frame(-1, "serves " + d.serves(), d.pos(), true);
                    p.rootFrame[t] = f;
                    if (q == null) {
                        code.emit(Ins.HALT, 0, 0, 0, true, f, "serves " + d.serves() + " (unknown instance)", d.pos());
                    } else {
                        p.serveQueue[t] = q;
                        code.emit(Ins.SERVE_TOP, q, 0, 0, true, f, "next request on " + d.serves(), d.pos());
                        body(d.body(), mask, false, f, new HashSet<>());
                        code.emit(Ins.SERVE_DONE, 0, 0, 0, false, f, "request on " + d.serves() + " done", d.pos());
                        code.emit(Ins.JUMP_TOP, 0, 0, 0, false, f, "serves " + d.serves(), d.pos());
                    }
                }
                case TASK -> {
                    p.threadKind[t] = Program.TASK;
                    int f = code.frame(-1, "task " + d.name(), d.pos(), true);
                    p.rootFrame[t] = f;
                    body(d.body(), mask, false, f, new HashSet<>());
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
            p.rootFrame[t] = f;
            code.emit(Ins.WQ_TOP, w, 0, 0, true, f, "start work " + q.name(), q.pos());
            if (!q.memreclaim()) {
                long kernel = sys.vocab().context("KERNEL").map(c -> c.perms().bits()).orElse(p.allPerms);
                int at = code.emit(Ins.ALLOC, 1, -1, hasDirect(kernel) ? Ins.DIRECT : 0, true, f,
                        "alloc 1 KERNEL", q.pos());
                code.ctx[at] = kernel;
            }
            code.emit(Ins.WQ_BEGIN, w, 0, 0, false, f, "work " + q.name(), q.pos());
            body(q.body(), p.allPerms, false, f, new HashSet<>());
            if (!q.memreclaim()) {
                code.emit(Ins.FREE, 1, 0, 0, false, f, "free 1", q.pos());
            }
            code.emit(Ins.JUMP_TOP, 0, 0, 0, false, f, "work " + q.name(), q.pos());
            p.end[t] = code.size;
        }
    }

    private boolean hasDirect(long perms) {
        return p.directBit >= 0 && (perms & (1L << p.directBit)) != 0;
    }

    /** Shrinkers in declaration order, each count then scan; a stop jumps to the next shrinker. */
    private void pass() {
        p.passStart = code.size;
        List<Decl.Shrinker> ss = sys.shrinkers();
        for (int i = 0; i < ss.size(); i++) {
            Decl.Shrinker s = ss.get(i);
            stopPatches.clear();
            int root = code.frame(-1, "shrinker " + s.name(), s.pos(), true);
            if (s.count() != null) {
                SourcePos cp = s.countPos() == null ? s.pos() : s.countPos();
                int f = code.frame(root, "shrinker " + s.name() + " count", cp, false);
                code.emit(Ins.SHRINK_START, i, 0, 0, true, f, "shrinker " + s.name() + " count", cp);
                body(s.count(), p.allPerms, true, f, new HashSet<>());
            }
            SourcePos sp = s.scanPos() == null ? s.pos() : s.scanPos();
            int f = code.frame(root, "shrinker " + s.name() + " scan", sp, false);
            code.emit(Ins.SHRINK_START, i, 1, 0, true, f, "shrinker " + s.name() + " scan", sp);
            body(s.scan(), p.allPerms, true, f, new HashSet<>());
            Integer ci = caches.get(s.owner());
            code.emit(Ins.SCAN_END, ci == null ? -1 : ci, 0, 0, false, f, "shrinker " + s.name() + " scan frees", sp);
            // a stop is a JUMP (patch a) or a busy TRYLOCK (patch b, recorded as -pc - 1)
            for (int at : stopPatches) {
                if (at >= 0) {
                    code.a[at] = code.size;
                } else {
                    code.b[-at - 1] = code.size;
                }
            }
        }
        code.emit(Ins.PASS_END, 0, 0, 0, false, -1, "end of reclaim pass", SourcePos.UNKNOWN);
    }

    private void body(List<Stmt> stmts, long mask, boolean shrinker, int frame, Set<String> inlining) {
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

    /** What each thread can ever do, for rule 9's "could be satisfied by a thread outside the set". */
    private void capabilities() {
        int nq = p.queueInst.length;
        p.submitters = new int[nq];
        p.queuers = new int[p.wqName.length];
        p.givers = new int[p.poolName.length];
        p.queueServers = new int[nq];
        int[] slotsPer = new int[nq];
        for (int t = 0; t < p.nThreads; t++) {
            if (p.serveQueue[t] >= 0) {
                p.queueServers[p.serveQueue[t]] |= 1 << t;
                slotsPer[p.serveQueue[t]]++;
            }
        }
        for (int t = 0; t < p.nThreads; t++) {
            int bit = 1 << t;
            boolean reclaims = p.threadKind[t] == Program.KSWAPD;
            for (int pc = p.top[t]; pc < p.end[t]; pc++) {
                if (code.op[pc] == Ins.ALLOC && (code.c[pc] & Ins.DIRECT) != 0) {
                    reclaims = true;
                }
            }
            if (reclaims) {
                p.canFreeMask |= bit;
                scanCaps(t, p.passStart, code.size);
            }
            scanCaps(t, p.top[t], p.end[t]);
        }
        p.canFreeMask |= p.kswapdMask;
    }

    private void scanCaps(int t, int from, int to) {
        int bit = 1 << t;
        for (int pc = from; pc < to; pc++) {
            switch (code.op[pc]) {
                case Ins.ALLOC -> p.canAllocMask |= bit;
                case Ins.FREE -> p.canFreeMask |= bit;
                case Ins.SUBMIT, Ins.WRITE, Ins.CLEAN -> {
                    if (code.b[pc] >= 0) {
                        p.submitters[code.b[pc]] |= bit;
                    }
                }
                case Ins.QUEUE -> p.queuers[code.a[pc]] |= bit;
                case Ins.GIVE -> p.givers[code.a[pc]] |= bit;
                default -> {
                }
            }
        }
    }

    private void layout() {
        int nq = p.queueInst.length;
        List<Set<Integer>> targets = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            targets.add(new HashSet<>());
        }
        for (int pc = 0; pc < code.size; pc++) {
            int o = code.op[pc];
            if ((o == Ins.SUBMIT || o == Ins.WRITE || o == Ins.CLEAN) && code.b[pc] >= 0) {
                targets.get(code.b[pc]).add(code.a[pc]);
            }
        }
        int off = Program.TB + p.nThreads * Program.TW;
        p.serverSlot = new int[p.nThreads];
        p.queueSlots = new int[nq][];
        int[] fill = new int[nq];
        for (int q = 0; q < nq; q++) {
            p.queueSlots[q] = new int[Integer.bitCount(p.queueServers[q])];
        }
        p.sb = off;
        for (int t = 0; t < p.nThreads; t++) {
            p.serverSlot[t] = -1;
            int q = p.serveQueue[t];
            if (q >= 0) {
                p.serverSlot[t] = off;
                p.queueSlots[q][fill[q]++] = off;
                off += 3;
            }
        }
        p.cb = off;
        off += 3 * p.cacheInst.length;
        p.lb = off;
        off += 2 * p.lockName.length;
        p.pb = off;
        off += p.poolName.length;
        p.wb = off;
        off += p.wqName.length;
        p.qBase = new int[nq];
        p.qCap = new int[nq];
        for (int q = 0; q < nq; q++) {
            p.qBase[q] = off;
            p.qCap[q] = p.nThreads * targets.get(q).size();
            off += 3 * p.qCap[q];
        }
        p.width = off;
        int[] s = new int[off];
        long cached = 0;
        for (SystemModel.Cache c : sys.caches()) {
            Integer ci = caches.get(c.instance());
            if (ci != null) {
                s[p.cb + 3 * ci] += Math.max(0, c.pages());
                cached += Math.max(0, c.pages());
            }
        }
        s[0] = (int) Math.max(0, p.total - cached);
        for (int t = 0; t < p.nThreads; t++) {
            int base = Program.TB + t * Program.TW;
            s[base] = p.top[t];
            s[base + 1] = -1;
            if (p.threadKind[t] == Program.KSWAPD && s[0] < p.low) {
                s[base + 2] = Program.F_AWAKE;
            }
        }
        for (int i = 0; i < p.poolSize.length; i++) {
            s[p.pb + i] = p.poolSize[i];
        }
        p.initial = s;
    }
}
