package dev.reclaim.sim;

import java.util.Arrays;

/**
 * Exhaustive mode: breadth-first search over every scheduler choice, with visited states kept as
 * fingerprints ({@link StateHash}, {@link LongSet}). Breadth first, so the first deadlock found
 * has a shortest schedule; it is rebuilt from a parent index and the choice per discovered state
 * (5 bytes a state). Only the current and next BFS levels are kept as full states.
 *
 * <p>Bounded by a number of distinct states and optionally a depth; the result says whether the
 * bound was reached or the whole reachable state space was explored.
 */
final class Exhaustive {
    /** {@code schedule} is null without a deadlock; {@code depth} is the deepest level generated. */
    record Result(int[] schedule, long states, int depth, boolean complete) {
        boolean found() {
            return schedule != null;
        }
    }

    private final Machine m;
    private final Deadlocks d;
    private final Program p;
    /** Tests only: check every new state for a deadlock, not only those whose stuck set changed. */
    boolean checkEveryState;

    Exhaustive(Machine m) {
        this.m = m;
        this.d = new Deadlocks(m);
        this.p = m.p;
    }

    Result search(int maxStates, int maxDepth, Progress progress) {
        final int w = p.width;
        final int all = p.allMask;
        LongSet seen = new LongSet(Math.min(Math.max(maxStates, 16), 1 << 12));
        int[] parent = new int[1024];
        byte[] choice = new byte[1024];
        int[] cur = new int[w * 256];
        int[] curId = new int[256];
        int[] curRun = new int[256];
        int[] next = new int[w * 256];
        int[] nextId = new int[256];
        int[] nextRun = new int[256];
        int[] scratch = new int[w];
        System.arraycopy(p.initial, 0, cur, 0, w);
        seen.add(StateHash.of(p.initial));
        int states = 1;
        parent[0] = -1;
        int initRun = m.runnableMask(p.initial);
        if ((~initRun & all) != 0 && d.find(p.initial, initRun) != 0) {
            return new Result(new int[0], 1, 0, false);
        }
        curRun[0] = initRun;
        int curN = 1;
        int depth = 0;
        long t0 = System.nanoTime();
        long lastReport = t0;
        while (curN > 0) {
            if (maxDepth > 0 && depth >= maxDepth) {
                return new Result(null, states, depth, false);
            }
            int nextN = 0;
            for (int i = 0; i < curN; i++) {
                int run = curRun[i];
                int stuck = ~run & all;
                int from = i * w;
                for (int rest = run; rest != 0; rest &= rest - 1) {
                    int t = Integer.numberOfTrailingZeros(rest);
                    System.arraycopy(cur, from, scratch, 0, w);
                    m.step(scratch, t);
                    if (!seen.add(StateHash.of(scratch))) {
                        continue;
                    }
                    int id = states++;
                    if (id == parent.length) {
                        parent = Arrays.copyOf(parent, id * 2);
                        choice = Arrays.copyOf(choice, id * 2);
                    }
                    parent[id] = curId[i];
                    choice[id] = (byte) t;
                    int childRun = m.runnableMask(scratch);
                    int childStuck = ~childRun & all;
                    // a new deadlock needs some thread to stop being runnable (see Deadlocks)
                    if (childStuck != 0 && (childStuck != stuck || checkEveryState) && d.find(scratch, childRun) != 0) {
                        return new Result(path(parent, choice, id), states, depth + 1, false);
                    }
                    if (nextN == nextId.length) {
                        next = Arrays.copyOf(next, next.length * 2);
                        nextId = Arrays.copyOf(nextId, nextId.length * 2);
                        nextRun = Arrays.copyOf(nextRun, nextRun.length * 2);
                    }
                    System.arraycopy(scratch, 0, next, nextN * w, w);
                    nextRun[nextN] = childRun;
                    nextId[nextN++] = id;
                    if (states >= maxStates) {
                        return new Result(null, states, depth + 1, false);
                    }
                    if ((states & 0xffff) == 0) {
                        long now = System.nanoTime();
                        if (now - lastReport > 200_000_000L) {
                            lastReport = now;
                            progress.report("exhaustive", states, states / ((now - t0) / 1e9),
                                    (long) (curN - i) + nextN, now - t0);
                        }
                    }
                }
            }
            int[] x = cur;
            cur = next;
            next = x;
            x = curId;
            curId = nextId;
            nextId = x;
            x = curRun;
            curRun = nextRun;
            nextRun = x;
            curN = nextN;
            if (curN > 0) {
                depth++;
            }
        }
        return new Result(null, states, depth, true);
    }

    private static int[] path(int[] parent, byte[] choice, int id) {
        int n = 0;
        for (int x = id; parent[x] >= 0; x = parent[x]) {
            n++;
        }
        int[] out = new int[n];
        for (int x = id; parent[x] >= 0; x = parent[x]) {
            out[--n] = choice[x];
        }
        return out;
    }
}
