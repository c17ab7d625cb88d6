package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.sim.SimResult.TraceStep;

/**
 * Replays a schedule that ran without skips (as {@link Replay} returns it) with an observer, one
 * {@link TraceStep} per step, and keeps what the state does not: which thread holds which mempool
 * elements. Then explains the final state.
 */
final class Tracer implements Machine.Observer {
    private final Machine m;
    private final Program p;
    private final int[][] poolHeld;
    private final List<String> notes = new ArrayList<>();

    Tracer(Program p) {
        this.m = new Machine(p);
        this.p = p;
        this.poolHeld = new int[p.nThreads][p.poolName.length];
        m.observe(this);
    }

    /** Traces {@code schedule} and explains the deadlock it ends in; null if it ends in none. */
    SimResult.Found trace(int[] schedule, String by) {
        int[] s = p.initialState();
        List<TraceStep> steps = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        Code k = p.code;
        for (int i = 0; i < schedule.length; i++) {
            int t = schedule[i];
            if (!m.runnable(s, t)) {
                throw new IllegalStateException("schedule entry " + i + " is not runnable");
            }
            int pc = m.pc(s, t);
            notes.clear();
            if (k.op[pc] == Ins.WAITBIT) {
                notes.add("IO done");
            } else if (k.op[pc] == Ins.ALLOC && (s[Program.TB + t * Program.TW + 2] & Program.F_ALLOC_WAIT) != 0) {
                notes.add("memory available");
            }
            m.step(s, t);
            if (!m.runnable(s, t) && !Ins.idleKind(k.op[m.pc(s, t)])) {
                notes.add("blocks: " + new Explain(m, poolHeld).waits(s, t));
            }
            steps.add(new TraceStep(i + 1, Program.pid(t), p.threadName[t], k.text[pc], Program.file(k.pos[pc]),
                    p.hasMemory ? s[0] : -1,
                    String.join("; ", notes)));
            pids.add(Program.pid(t));
        }
        Deadlocks d = new Deadlocks(m);
        int run = m.runnableMask(s);
        int set = d.find(s, run);
        if (set == 0) {
            return null;
        }
        Explain ex = new Explain(m, poolHeld);
        Explain.Shape shape = ex.shape(s, set);
        List<String> cycle = shape.cycle().stream().map(t -> p.threadName[t]).toList();
        return new SimResult.Found(by, shape.kind(), ex.summary(s, shape), cycle, pids, steps,
                ex.stacks(s, set, shape));
    }

    @Override
    public void woke(int kswapd) {
        notes.add("wakes " + p.threadName[kswapd]);
    }

    @Override
    public void reclaimStarted(int thread) {
        notes.add("below min: direct reclaim");
    }

    @Override
    public void slept(int kswapd) {
        notes.add(p.threadName[kswapd] + " sleeps");
    }

    @Override
    public void took(int thread, int pool) {
        poolHeld[thread][pool]++;
    }

    @Override
    public void gave(int thread, int pool) {
        if (poolHeld[thread][pool] > 0) {
            poolHeld[thread][pool]--;
        }
    }

    @Override
    public void served(int thread, int key) {
        notes.add("takes IO to " + p.instanceName(key >>> 8) + " from " + p.threadName[(key & 0xff) - 1]);
    }

    @Override
    public void completed(int thread, int key) {
        notes.add("completes IO to " + p.instanceName(key >>> 8) + " from " + p.threadName[(key & 0xff) - 1]);
    }
}
