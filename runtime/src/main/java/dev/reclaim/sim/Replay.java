package dev.reclaim.sim;

import java.util.Arrays;

/**
 * Runs a fixed schedule (thread indices). Entries whose thread is not runnable at that point are
 * skipped, which is what lets {@link Minimizer} delete entries freely; the outcome lists only the
 * entries that ran, so replaying {@code executed} skips nothing. Stops at the first deadlocked state.
 */
final class Replay {
    /** {@code deadlock} is the deadlocked thread mask of the final state (0: none). */
    record Outcome(int[] executed, int deadlock, int[] state, int skipped) {
    }

    private Replay() {
    }

    static Outcome run(Machine m, Deadlocks d, int[] schedule) {
        Program p = m.p;
        int[] s = p.initialState();
        int[] done = new int[schedule.length];
        int n = 0;
        int skipped = 0;
        int prevStuck = -1;
        for (int i = 0;; i++) {
            int run = m.runnableMask(s);
            int stuck = ~run & p.allMask;
            if (stuck != prevStuck) {
                prevStuck = stuck;
                int dl = stuck == 0 ? 0 : d.find(s, run);
                if (dl != 0) {
                    return new Outcome(Arrays.copyOf(done, n), dl, s, skipped);
                }
            }
            if (i == schedule.length) {
                return new Outcome(Arrays.copyOf(done, n), 0, s, skipped);
            }
            int t = schedule[i];
            if (t < 0 || t >= p.nThreads || (run & (1 << t)) == 0) {
                skipped++;
                continue;
            }
            m.step(s, t);
            done[n++] = t;
        }
    }
}
