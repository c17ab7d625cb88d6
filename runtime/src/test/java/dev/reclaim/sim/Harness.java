package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaim.model.SystemModel;
import dev.reclaim.testing.TestSystems;

/**
 * Drives the machine by hand in engine tests: threads and instances by name, one step at a time,
 * with the state's fields read back by name.
 */
final class Harness {
    final SystemModel sys;
    final Program p;
    final Machine m;
    final Deadlocks d;
    int[] s;

    Harness(String text) {
        this(TestSystems.parse(text));
    }

    Harness(SystemModel sys) {
        this.sys = sys;
        this.p = SimCompiler.compile(sys);
        this.m = new Machine(p);
        this.d = new Deadlocks(m);
        this.s = p.initialState();
    }

    int tid(String thread) {
        for (int t = 0; t < p.nThreads; t++) {
            if (p.threadName[t].equals(thread)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no thread " + thread);
    }

    boolean runnable(String thread) {
        return m.runnable(s, tid(thread));
    }

    boolean blocked(String thread) {
        return (m.blockedMask(s, m.runnableMask(s)) & (1 << tid(thread))) != 0;
    }

    Harness step(String thread) {
        assertTrue(runnable(thread), thread + " should be runnable at '" + at(thread) + "'");
        m.step(s, tid(thread));
        return this;
    }

    Harness steps(String thread, int n) {
        for (int i = 0; i < n; i++) {
            step(thread);
        }
        return this;
    }

    /** The statement text of the instruction the thread stands on. */
    String at(String thread) {
        return p.code.text[m.pc(s, tid(thread))];
    }

    boolean inPass(String thread) {
        return s[Program.TB + tid(thread) * Program.TW + 1] >= 0;
    }

    boolean awake(String kswapd) {
        return (s[Program.TB + tid(kswapd) * Program.TW + 2] & Program.F_AWAKE) != 0;
    }

    int free() {
        return s[0];
    }

    private int cache(String inst) {
        for (int i = 0; i < p.instName.length; i++) {
            if (p.instName[i].equals(inst) && p.cacheOfInst[i] >= 0) {
                return p.cb + 3 * p.cacheOfInst[i];
            }
        }
        throw new IllegalArgumentException("no cache for " + inst);
    }

    int clean(String inst) {
        return s[cache(inst)];
    }

    int dirty(String inst) {
        return s[cache(inst) + 1];
    }

    int writeback(String inst) {
        return s[cache(inst) + 2];
    }

    int poolLeft(String pool) {
        for (int i = 0; i < p.poolName.length; i++) {
            if (p.poolName[i].equals(pool)) {
                return s[p.pb + i];
            }
        }
        throw new IllegalArgumentException(pool);
    }

    /** Requests waiting in the queue of {@code inst} (not counting those being served). */
    int queued(String inst) {
        for (int q = 0; q < p.queueInst.length; q++) {
            if (p.instName[p.queueInst[q]].equals(inst)) {
                int n = 0;
                for (int i = p.qBase[q]; i < p.qBase[q] + 3 * p.qCap[q] && s[i] != 0; i += 3) {
                    n++;
                }
                return n;
            }
        }
        throw new IllegalArgumentException("no queue for " + inst);
    }

    int deadlock() {
        return d.find(s, m.runnableMask(s));
    }

    int mask(String... threads) {
        int out = 0;
        for (String t : threads) {
            out |= 1 << tid(t);
        }
        return out;
    }

    SimResult simulate(Simulator.Mode mode) {
        return Simulator.simulate(p, Simulator.Options.defaults().with(mode), Progress.NONE);
    }
}
