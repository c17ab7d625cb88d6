package dev.reclaim.sim;

/**
 * LANGUAGE.md §4 rule 9: the blocked threads whose waits only threads of their own set could
 * satisfy, even while other threads run. Computed as a greatest fixed point over thread masks:
 * start from every thread that is not runnable, drop each one whose wait a thread outside the set
 * could satisfy, repeat. Idle servers, idle workers and a sleeping kswapd take part in the fixed
 * point (they may be the only ones who could help, and then only if someone outside wakes them)
 * but are never reported as deadlocked: they are not blocked.
 *
 * <p>"Could satisfy" is judged from the state (lock holders, where each awaited request is) and,
 * for waits on memory, mempools and idle threads, from what the thread's code can ever do
 * ({@link SimCompiler}'s capability masks) — an over-approximation, so a reported deadlock is
 * certain but a starvation that some thread could in principle end is not reported.
 */
final class Deadlocks {
    private static final int TB = Program.TB;
    private static final int TW = Program.TW;

    private final Machine m;
    private final Program p;
    private final int[] op;
    private final int[] a;

    Deadlocks(Machine m) {
        this.m = m;
        this.p = m.p;
        this.op = p.code.op;
        this.a = p.code.a;
    }

    /** The deadlocked threads of state {@code s} (0: none); {@code runnable} is {@link Machine#runnableMask}. */
    int find(int[] s, int runnable) {
        int set = ~runnable & p.allMask;
        if (m.blockedMask(s, runnable) == 0) {
            return 0;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            int outside = ~set & p.allMask;
            for (int rest = set; rest != 0; rest &= rest - 1) {
                int t = Integer.numberOfTrailingZeros(rest);
                if (satisfiable(s, t, outside)) {
                    set &= ~(1 << t);
                    outside |= 1 << t;
                    changed = true;
                }
            }
        }
        return set & m.blockedMask(s, runnable);
    }

    private boolean satisfiable(int[] s, int t, int outside) {
        int pc = m.pc(s, t);
        if (op[pc] == Ins.WAITBIT) {
            int bit = 1 << t;
            for (int q = 0; q < p.qBase.length; q++) {
                int qb = p.qBase[q];
                int end = qb + 3 * p.qCap[q];
                for (int i = qb; i < end && s[i] != 0; i += 3) {
                    if ((s[i + 2] & bit) != 0 && (p.queueServers[q] & outside) == 0) {
                        return false;
                    }
                }
            }
            for (int u = 0; u < p.nThreads; u++) {
                int at = p.serverSlot[u];
                if (at >= 0 && s[at] != 0 && (s[at + 2] & bit) != 0 && ((1 << u) & outside) == 0) {
                    return false;
                }
            }
            return true;
        }
        return (satisfiers(s, t) & outside) != 0;
    }

    /**
     * The threads any one of which could end t's wait (for an IO wait: those serving the requests
     * it waits for, each of which must complete).
     */
    int satisfiers(int[] s, int t) {
        int pc = m.pc(s, t);
        switch (op[pc]) {
            case Ins.LOCK: {
                int l = p.lb + 2 * a[pc];
                return holders(s, l);
            }
            case Ins.LOCK_SHARED: {
                // blocked by a writer that holds it, or else by the writers queued ahead (writer-preferring):
                // they go first, so the wait is on them, and through them on the readers
                int l = p.lb + 2 * a[pc];
                return s[l] != 0 ? 1 << (s[l] - 1) : m.waitingWriters(s, a[pc]);
            }
            case Ins.TAKE:
                return p.givers[a[pc]];
            case Ins.ALLOC:
                return p.canFreeMask;
            case Ins.KSWAPD_TOP:
                return p.canAllocMask;
            case Ins.SERVE_TOP:
                return p.submitters[a[pc]];
            case Ins.WQ_TOP:
                return p.queuers[a[pc]];
            case Ins.WAITBIT: {
                int bit = 1 << t;
                int out = 0;
                for (int q = 0; q < p.qBase.length; q++) {
                    int qb = p.qBase[q];
                    int end = qb + 3 * p.qCap[q];
                    for (int i = qb; i < end && s[i] != 0; i += 3) {
                        if ((s[i + 2] & bit) != 0) {
                            out |= p.queueServers[q];
                        }
                    }
                }
                for (int u = 0; u < p.nThreads; u++) {
                    int at = p.serverSlot[u];
                    if (at >= 0 && s[at] != 0 && (s[at + 2] & bit) != 0) {
                        out |= 1 << u;
                    }
                }
                return out;
            }
            default:
                return 0;
        }
    }

    static int holders(int[] s, int l) {
        int w = s[l];
        return (w != 0 ? 1 << (w - 1) : 0) | s[l + 1];
    }

    /** What kind of wait t is in, for classification: 0 lock or IO, 1 memory, 2 mempool, 3 idle. */
    int waitKind(int[] s, int t) {
        int o = op[m.pc(s, t)];
        if (o == Ins.ALLOC) {
            return 1;
        }
        if (o == Ins.TAKE) {
            return 2;
        }
        return Ins.idleKind(o) ? 3 : 0;
    }

    static int threadBase(int t) {
        return TB + t * TW;
    }
}
