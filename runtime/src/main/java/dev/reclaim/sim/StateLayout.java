package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.SystemModel;

/**
 * The second half of {@link SimCompiler}: what each thread can ever do (for rule 9's "a thread
 * outside the set could satisfy it"), the state layout documented on {@link Program}, and the
 * initial state.
 */
final class StateLayout {
    private final SystemModel sys;
    private final Program p;
    private final Code code;
    private final Map<String, Integer> caches;

    StateLayout(SystemModel sys, Program p, Code code, Map<String, Integer> caches) {
        this.sys = sys;
        this.p = p;
        this.code = code;
        this.caches = caches;
    }

    /** What each thread can ever do, for rule 9's "could be satisfied by a thread outside the set". */
    void capabilities() {
        int nq = p.queueInst.length;
        p.submitters = new int[nq];
        p.queuers = new int[p.wqName.length];
        p.givers = new int[p.poolName.length];
        p.queueServers = new int[nq];
        for (int t = 0; t < p.nThreads; t++) {
            if (p.serveQueue[t] >= 0) {
                p.queueServers[p.serveQueue[t]] |= 1 << t;
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

    void layout() {
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
