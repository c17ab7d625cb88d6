package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.reclaim.sim.SimResult.Frame;
import dev.reclaim.sim.SimResult.Stack;

/**
 * Turns a deadlocked state into words: what each thread waits on and who holds or serves it, the
 * kind of deadlock, its cycle, and a hung-task style stack per thread (LANGUAGE.md §4), from the
 * blocking statement up through shrinker part, reclaim pass, ops and the thread's own loop.
 */
final class Explain {
    private final Machine m;
    private final Program p;
    private final Code k;
    private final Deadlocks d;
    /** Mempool elements held per thread and pool, as counted while tracing (not part of the state). */
    private final int[][] poolHeld;

    Explain(Machine m, int[][] poolHeld) {
        this.m = m;
        this.p = m.p;
        this.k = p.code;
        this.d = new Deadlocks(m);
        this.poolHeld = poolHeld;
    }

    /** The kind and the cycle (thread indices, in order) of the deadlocked set {@code set}. */
    record Shape(String kind, List<Integer> cycle) {
    }

    Shape shape(int[] s, int set) {
        int n = p.nThreads;
        int[] ioEdges = new int[n];
        int[] allEdges = new int[n];
        boolean memory = false;
        boolean pool = false;
        for (int rest = set; rest != 0; rest &= rest - 1) {
            int t = Integer.numberOfTrailingZeros(rest);
            int e = d.satisfiers(s, t) & set;
            allEdges[t] = e;
            int kind = d.waitKind(s, t);
            if (kind == 0) {
                ioEdges[t] = e;
            }
            memory |= kind == 1;
            pool |= kind == 2;
        }
        List<Integer> cycle = cycle(set, ioEdges);
        if (cycle != null) {
            return new Shape(cycle.size() == 1 ? "self-wait" : "lock/IO cycle", cycle);
        }
        // no lock/IO cycle: the set starves; name every thread waiting for the resource, plus a
        // cycle through it if there is one
        int kind = memory ? 1 : pool ? 2 : 0;
        Set<Integer> named = new java.util.TreeSet<>();
        for (int rest = set; rest != 0; rest &= rest - 1) {
            int t = Integer.numberOfTrailingZeros(rest);
            if (kind != 0 && d.waitKind(s, t) == kind) {
                named.add(t);
            }
        }
        List<Integer> any = cycle(set, allEdges);
        if (any != null) {
            named.addAll(any);
        }
        if (named.isEmpty()) {
            for (int rest = set; rest != 0; rest &= rest - 1) {
                named.add(Integer.numberOfTrailingZeros(rest));
            }
        }
        String name = kind == 1 ? "memory starvation" : kind == 2 ? "mempool exhaustion" : "lock/IO cycle";
        return new Shape(name, new ArrayList<>(named));
    }

    /** The first cycle reachable from the lowest PID, successors in PID order. */
    private List<Integer> cycle(int set, int[] edges) {
        for (int rest = set; rest != 0; rest &= rest - 1) {
            int start = Integer.numberOfTrailingZeros(rest);
            List<Integer> path = new ArrayList<>();
            List<Integer> c = dfs(start, edges, path, new LinkedHashSet<>());
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private List<Integer> dfs(int t, int[] edges, List<Integer> path, Set<Integer> done) {
        int at = path.indexOf(t);
        if (at >= 0) {
            return new ArrayList<>(path.subList(at, path.size()));
        }
        if (!done.add(t)) {
            return null;
        }
        path.add(t);
        for (int rest = edges[t]; rest != 0; rest &= rest - 1) {
            List<Integer> c = dfs(Integer.numberOfTrailingZeros(rest), edges, path, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    String summary(int[] s, Shape shape) {
        List<String> parts = new ArrayList<>();
        for (int t : shape.cycle()) {
            parts.add(p.threadName[t] + " " + waits(s, t));
        }
        return String.join("; ", parts);
    }

    /** t's wait as a phrase: "waits for bufio_lock, held by kswapd0", "waits for IO on loop0, ...". */
    String waits(int[] s, int t) {
        int pc = m.pc(s, t);
        String note = waitNote(s, t);
        if (k.op[pc] == Ins.LOCK_SHARED && s[p.lb + 2 * k.a[pc]] == 0) {
            return "waits for " + p.lockName[k.a[pc]] + " (shared), queued behind "
                    + names(m.waitingWriters(s, k.a[pc]), t) + " (writer-preferring)";
        }
        if (k.op[pc] == Ins.LOCK || k.op[pc] == Ins.LOCK_SHARED) {
            return "waits for " + p.lockName[k.a[pc]] + (k.op[pc] == Ins.LOCK_SHARED ? " (shared)" : "") + ", " + note;
        }
        return note;
    }

    List<Stack> stacks(int[] s, int set, Shape shape) {
        List<Stack> out = new ArrayList<>();
        for (int rest = set; rest != 0; rest &= rest - 1) {
            int t = Integer.numberOfTrailingZeros(rest);
            out.add(new Stack(Program.pid(t), p.threadName[t], shape.cycle().contains(t), frames(s, t)));
        }
        return out;
    }

    List<Frame> frames(int[] s, int t) {
        List<Frame> out = new ArrayList<>();
        int base = Program.TB + t * Program.TW;
        int main = s[base];
        int pass = s[base + 1];
        int pc = pass >= 0 ? pass : main;
        out.add(new Frame(0, k.text[pc], Program.file(k.pos[pc]), waitNote(s, t)));
        if (pass >= 0) {
            up(out, k.frame[pc], true);
            if (p.threadKind[t] == Program.KSWAPD) {
                out.add(new Frame(out.size(), "kswapd reclaim pass", Program.file(p.threadPos[t]), ""));
                return out;
            }
            out.add(new Frame(out.size(), "direct reclaim", Program.file(k.pos[main]),
                    k.text[main] + ", effective " + p.sys.vocab().describe(new dev.reclaim.model.PermSet(k.ctx[main]))));
            up(out, k.frame[main], false);
        } else if (k.op[pc] == Ins.ALLOC && (k.c[pc] & Ins.DIRECT) != 0) {
            out.set(0, new Frame(0, k.text[pc], Program.file(k.pos[pc]),
                    waitNote(s, t) + " (reclaim freed nothing; effective "
                            + p.sys.vocab().describe(new dev.reclaim.model.PermSet(k.ctx[pc])) + ")"));
            up(out, k.frame[pc], false);
        } else {
            up(out, k.frame[pc], false);
        }
        return out;
    }

    /** Adds the inline frames from {@code f} outwards: ops, then the shrinker part or the thread's loop. */
    private void up(List<Frame> out, int f, boolean inPass) {
        while (f >= 0) {
            Code.Frame fr = k.frames.get(f);
            if (fr.unit() && inPass) {
                return;
            }
            out.add(new Frame(out.size(), fr.label(), Program.file(fr.pos()), ""));
            if (fr.unit() || (inPass && fr.label().startsWith("shrinker "))) {
                return;
            }
            f = fr.parent();
        }
    }

    /** What t waits on and who could end the wait, e.g. "held by kswapd0". */
    String waitNote(int[] s, int t) {
        int pc = m.pc(s, t);
        int x = k.a[pc];
        switch (k.op[pc]) {
            case Ins.LOCK -> {
                int l = p.lb + 2 * x;
                return lockHolders(s, l, t);
            }
            case Ins.LOCK_SHARED -> {
                int l = p.lb + 2 * x;
                if (s[l] != 0) {
                    return lockHolders(s, l, t);
                }
                return lockHolders(s, l, t) + "; " + names(m.waitingWriters(s, x), t)
                        + " waits for it exclusively (writer-preferring)";
            }
            case Ins.WAITBIT -> {
                return ioNote(s, t);
            }
            case Ins.ALLOC -> {
                boolean pfm = (k.c[pc] & Ins.PFM) != 0;
                return "waits for memory: " + s[0] + " pages free, needs " + x
                        + (pfm ? "" : " above min " + p.min);
            }
            case Ins.TAKE -> {
                int held = 0;
                for (int u = 0; u < p.nThreads; u++) {
                    if (poolHeld != null && poolHeld[u][x] > 0) {
                        held |= 1 << u;
                    }
                }
                return "waits for " + p.poolName[x] + ": " + s[p.pb + x] + " of " + p.poolSize[x] + " left"
                        + (held != 0 ? ", held by " + names(held, t) : "");
            }
            case Ins.KSWAPD_TOP -> {
                return "sleeping";
            }
            case Ins.SERVE_TOP, Ins.WQ_TOP -> {
                return "idle";
            }
            default -> {
                return "";
            }
        }
    }

    private String lockHolders(int[] s, int l, int t) {
        if (s[l] != 0) {
            return "held by " + names(1 << (s[l] - 1), t);
        }
        return "held shared by " + names(s[l + 1], t);
    }

    private String ioNote(int[] s, int t) {
        int bit = 1 << t;
        List<String> parts = new ArrayList<>();
        for (int q = 0; q < p.qBase.length; q++) {
            int servedBy = 0;
            boolean waits = false;
            int qb = p.qBase[q];
            for (int i = qb; i < qb + 3 * p.qCap[q] && s[i] != 0; i += 3) {
                if ((s[i + 2] & bit) != 0) {
                    servedBy |= p.queueServers[q];
                    waits = true;
                }
            }
            for (int u = 0; u < p.nThreads; u++) {
                int at = p.serverSlot[u];
                if (at >= 0 && p.serveQueue[u] == q && s[at] != 0 && (s[at + 2] & bit) != 0) {
                    servedBy |= 1 << u;
                    waits = true;
                }
            }
            if (waits) {
                parts.add("waits for IO on " + p.instanceName(p.queueInst[q]) + ", served by " + names(servedBy, t));
            }
        }
        return parts.isEmpty() ? "waits for IO" : String.join("; ", parts);
    }

    private String names(int mask, int self) {
        List<String> out = new ArrayList<>();
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            int u = Integer.numberOfTrailingZeros(rest);
            out.add(p.threadName[u] + (u == self ? " (itself)" : ""));
        }
        return out.isEmpty() ? "nobody" : String.join(", ", out);
    }
}
