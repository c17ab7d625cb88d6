package dev.reclaim.sim;

/**
 * The semantics of LANGUAGE.md §2 and §4 over the compact state of {@link Program}: one
 * {@link #step} runs one thread to its next scheduling point (rule 1). Nothing here allocates:
 * the searches call it millions of times per second on states they own.
 *
 * <p>A step starts by executing the instruction the thread stands on (the scheduler only picks
 * runnable threads, so it can proceed) and stops before the next instruction flagged as a
 * scheduling point, at a loop top, or at an instruction that blocks.
 */
public final class Machine {
    /** Events for traces; the searches run without one. */
    public interface Observer {
        default void woke(int kswapd) {
        }

        default void reclaimStarted(int thread) {
        }

        default void slept(int kswapd) {
        }

        default void took(int thread, int pool) {
        }

        default void gave(int thread, int pool) {
        }

        default void served(int thread, int requestKey) {
        }

        default void completed(int thread, int requestKey) {
        }
    }

    private static final int TB = Program.TB;
    private static final int TW = Program.TW;

    final Program p;
    private final int[] op;
    private final int[] a;
    private final int[] b;
    private final int[] c;
    private final boolean[] yield;
    private final long[] ctx;
    private final int[] top;
    private final int nThreads;
    private final int kswapdMask;
    private final int min;
    private final int low;
    private final int high;
    private final int total;
    private final int passStart;
    private final long allPerms;
    private final int cb;
    private final int nCaches;
    private final int lb;
    private final int pb;
    private final int wb;
    private final int[] poolSize;
    private final boolean[] writerPref;
    private final int[] qBase;
    private final int[] qCap;
    private final IoQueues io;
    private Observer observer;

    public Machine(Program p) {
        this.p = p;
        Code k = p.code;
        op = k.op;
        a = k.a;
        b = k.b;
        c = k.c;
        yield = k.yield;
        ctx = k.ctx;
        top = p.top;
        nThreads = p.nThreads;
        kswapdMask = p.kswapdMask;
        min = p.min;
        low = p.low;
        high = p.high;
        total = p.total;
        passStart = p.passStart;
        allPerms = p.allPerms;
        cb = p.cb;
        nCaches = p.cacheInst.length;
        lb = p.lb;
        pb = p.pb;
        wb = p.wb;
        poolSize = p.poolSize;
        writerPref = p.writerPref;
        qBase = p.qBase;
        qCap = p.qCap;
        io = new IoQueues(this);
    }

    public Program program() {
        return p;
    }

    Observer observer() {
        return observer;
    }

    void observe(Observer o) {
        this.observer = o;
    }

    /** The instruction thread {@code t} stands on: in its reclaim pass if it is in one. */
    int pc(int[] s, int t) {
        int pass = s[TB + t * TW + 1];
        return pass >= 0 ? pass : s[TB + t * TW];
    }

    public int runnableMask(int[] s) {
        int m = 0;
        for (int t = 0; t < nThreads; t++) {
            if (runnable(s, t)) {
                m |= 1 << t;
            }
        }
        return m;
    }

    /** Threads that are neither runnable nor idle (an idle server, a sleeping kswapd, an idle worker). */
    public int blockedMask(int[] s, int runnable) {
        int m = 0;
        for (int t = 0; t < nThreads; t++) {
            if ((runnable & (1 << t)) == 0 && !Ins.idleKind(op[pc(s, t)])) {
                m |= 1 << t;
            }
        }
        return m;
    }

    public boolean runnable(int[] s, int t) {
        int base = TB + t * TW;
        int pass = s[base + 1];
        int pc = pass >= 0 ? pass : s[base];
        switch (op[pc]) {
            case Ins.LOCK: {
                int l = lb + 2 * a[pc];
                return s[l] == 0 && s[l + 1] == 0;
            }
            case Ins.LOCK_SHARED: {
                int l = lb + 2 * a[pc];
                if (s[l] != 0) {
                    return false;
                }
                return !(writerPref[a[pc]] && s[l + 1] != 0 && waitingWriters(s, a[pc]) != 0);
            }
            case Ins.TAKE:
                return s[pb + a[pc]] > 0;
            case Ins.WAITBIT:
                return s[base + 3] == 0;
            case Ins.ALLOC:
                return (s[base + 2] & Program.F_ALLOC_WAIT) == 0
                        || s[0] - a[pc] >= ((c[pc] & Ins.PFM) != 0 ? 0 : min);
            case Ins.SERVE_TOP:
                return qCap[a[pc]] != 0 && s[qBase[a[pc]]] != 0;
            case Ins.KSWAPD_TOP:
                return (s[base + 2] & Program.F_AWAKE) != 0;
            case Ins.WQ_TOP:
                return s[wb + a[pc]] != 0;
            case Ins.HALT:
                return false;
            default:
                return true;
        }
    }

    /** Threads standing on an exclusive {@code lock} of {@code lock}: a writer-preferring rwsem lets no reader past them. */
    int waitingWriters(int[] s, int lock) {
        int m = 0;
        for (int u = 0; u < nThreads; u++) {
            int pc = pc(s, u);
            if (op[pc] == Ins.LOCK && a[pc] == lock) {
                m |= 1 << u;
            }
        }
        return m;
    }

    /** Runs thread {@code t} (which must be runnable) to its next scheduling point. */
    public void step(int[] s, int t) {
        final int base = TB + t * TW;
        boolean first = true;
        for (;;) {
            int pass = s[base + 1];
            boolean inPass = pass >= 0;
            int pc = inPass ? pass : s[base];
            if (!first && yield[pc]) {
                return;
            }
            first = false;
            int next = pc + 1;
            switch (op[pc]) {
                case Ins.NOP, Ins.SHRINK_START, Ins.WQ_TOP -> {
                }
                case Ins.JUMP -> next = a[pc];
                case Ins.JUMP_TOP -> {
                    s[base] = top[t];
                    return;
                }
                case Ins.ALLOC -> {
                    int r = alloc(s, t, base, pc, inPass);
                    if (r < 0) {
                        return;
                    }
                    next = r;
                }
                case Ins.PASS_END -> {
                    if (!passEnd(s, t, base)) {
                        return;
                    }
                    continue;
                }
                case Ins.SCAN_END -> {
                    int ci = a[pc];
                    if (ci >= 0) {
                        int at = cb + 3 * ci;
                        int k = Math.min(32, s[at]);
                        if (k > 0) {
                            s[at] -= k;
                            s[0] += k;
                            s[base + 2] |= Program.F_FREED;
                        }
                    }
                }
                case Ins.FREE -> s[0] = Math.max(s[0], Math.min(s[0] + a[pc], total - cached(s)));
                case Ins.LOCK -> s[lb + 2 * a[pc]] = t + 1;
                case Ins.LOCK_SHARED -> s[lb + 2 * a[pc] + 1] |= 1 << t;
                case Ins.UNLOCK -> {
                    int l = lb + 2 * a[pc];
                    if (s[l] == t + 1) {
                        s[l] = 0;
                    } else {
                        s[l + 1] &= ~(1 << t);
                    }
                }
                case Ins.TRYLOCK -> {
                    int l = lb + 2 * a[pc];
                    if (s[l] == 0 && s[l + 1] == 0) {
                        s[l] = t + 1;
                    } else {
                        next = b[pc];
                    }
                }
                case Ins.SUBMIT -> io.submit(s, t, pc);
                case Ins.WRITE -> {
                    io.submit(s, t, pc);
                    io.mark(s, t, b[pc], a[pc] << 8 | (t + 1), -1);
                }
                case Ins.WAITOWN -> io.mark(s, t, b[pc], a[pc] << 8 | (t + 1), -1);
                case Ins.CLEAN -> {
                    if (c[pc] >= 0 && s[cb + 3 * c[pc] + 1] > 0) {
                        io.submit(s, t, pc);
                    }
                    io.mark(s, t, b[pc], 0, a[pc]);
                }
                case Ins.WAITBIT -> {
                    if (s[base + 3] != 0) {
                        return;
                    }
                }
                case Ins.DIRTY -> {
                    int at = cb + 3 * a[pc];
                    int k = Math.min(b[pc], s[at]);
                    s[at] -= k;
                    s[at + 1] += k;
                }
                case Ins.IF_RECLAIM -> {
                    long rc = (kswapdMask & (1 << t)) != 0 ? allPerms : ctx[s[base]];
                    if ((rc & (1L << a[pc])) == 0) {
                        next = b[pc];
                    }
                }
                case Ins.QUEUE -> s[wb + a[pc]] = 1;
                case Ins.TAKE -> {
                    s[pb + a[pc]]--;
                    if (observer != null) {
                        observer.took(t, a[pc]);
                    }
                }
                case Ins.GIVE -> {
                    s[pb + a[pc]] = Math.min(poolSize[a[pc]], s[pb + a[pc]] + 1);
                    if (observer != null) {
                        observer.gave(t, a[pc]);
                    }
                }
                case Ins.SERVE_TOP -> io.serveNext(s, t, a[pc]);
                case Ins.SERVE_DONE -> io.complete(s, t);
                case Ins.KSWAPD_TOP -> {
                    if (s[0] >= high) {
                        sleep(s, t, base);
                        return;
                    }
                    s[base + 1] = passStart;
                    s[base + 2] &= ~Program.F_FREED;
                    continue;
                }
                case Ins.WQ_BEGIN -> s[wb + a[pc]] = 0;
                case Ins.HALT -> {
                    return;
                }
                default -> throw new IllegalStateException("opcode " + op[pc]);
            }
            if (inPass) {
                s[base + 1] = next;
            } else {
                s[base] = next;
            }
        }
    }

    /** Returns the next pc, or -1 when the thread stops here (blocked, or into a pass that yields first). */
    private int alloc(int[] s, int t, int base, int pc, boolean inPass) {
        int n = a[pc];
        int free = s[0];
        if (free - n < low) {
            wake(s);
        }
        boolean pfm = (c[pc] & Ins.PFM) != 0;
        if (free - n >= (pfm ? 0 : min)) {
            take(s, pc, n);
            s[base + 2] &= ~Program.F_ALLOC_WAIT;
            return pc + 1;
        }
        if ((s[base + 2] & Program.F_ALLOC_WAIT) == 0 && !pfm && !inPass && (c[pc] & Ins.DIRECT) != 0) {
            s[base + 1] = passStart;
            s[base + 2] &= ~Program.F_FREED;
            if (observer != null) {
                observer.reclaimStarted(t);
            }
            // the pass's first instruction is a scheduling point (or PASS_END when there are no shrinkers)
            return yield[passStart] ? -1 : runPassInline(s, t, base);
        }
        s[base + 2] |= Program.F_ALLOC_WAIT;
        return -1;
    }

    /** A pass without shrinkers: it ends at once, so the allocation decides right away. */
    private int runPassInline(int[] s, int t, int base) {
        return passEnd(s, t, base) ? s[base] : -1;
    }

    /**
     * Rule 3 after a direct reclaim pass (no scheduling point in between): allocate, or run
     * another pass if this one freed something, or block. Rule 4 for kswapd. Returns whether the
     * thread continues in this step (its pc is already set).
     */
    private boolean passEnd(int[] s, int t, int base) {
        s[base + 1] = -1;
        boolean freed = (s[base + 2] & Program.F_FREED) != 0;
        if ((kswapdMask & (1 << t)) != 0) {
            if (!freed) {
                sleep(s, t, base);
            }
            return false;
        }
        int pc = s[base];
        int n = a[pc];
        if (s[0] - n < low) {
            wake(s);
        }
        if (s[0] - n >= min) {
            take(s, pc, n);
            s[base] = pc + 1;
            return true;
        }
        if (freed) {
            // on into the next pass, which stops at its first scheduling point (a pass without
            // shrinkers frees nothing, so never gets here)
            s[base + 1] = passStart;
            s[base + 2] &= ~Program.F_FREED;
            return true;
        }
        s[base + 2] |= Program.F_ALLOC_WAIT;
        return false;
    }

    private void take(int[] s, int pc, int n) {
        s[0] -= n;
        if (b[pc] >= 0) {
            s[cb + 3 * b[pc]] += n;
        }
    }

    private void sleep(int[] s, int t, int base) {
        s[base + 2] &= ~Program.F_AWAKE;
        if (observer != null) {
            observer.slept(t);
        }
    }

    /** Rule 4: an allocation that would leave free memory below low wakes every kswapd. */
    private void wake(int[] s) {
        for (int m = kswapdMask; m != 0; m &= m - 1) {
            int k = Integer.numberOfTrailingZeros(m);
            int f = TB + k * TW + 2;
            if ((s[f] & Program.F_AWAKE) == 0) {
                s[f] |= Program.F_AWAKE;
                if (observer != null) {
                    observer.woke(k);
                }
            }
        }
    }

    private int cached(int[] s) {
        int sum = 0;
        for (int i = 0; i < nCaches; i++) {
            int at = cb + 3 * i;
            sum += s[at] + s[at + 1] + s[at + 2];
        }
        return sum;
    }
}
