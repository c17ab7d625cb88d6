package dev.reclaim.sim;

import java.util.Arrays;

/**
 * Shrinks a deadlocking schedule while it still deadlocks (Zeller's ddmin over the list of
 * choices, then single deletions until none helps), so random-mode reports are short. Every
 * candidate is replayed with {@link Replay}, which skips entries whose thread cannot run and
 * stops at the first deadlock; the result is the executed prefix of the last success.
 */
final class Minimizer {
    private final Machine m;
    private final Deadlocks d;
    private long budget;

    Minimizer(Machine m, long stepBudget) {
        this.m = m;
        this.d = new Deadlocks(m);
        this.budget = stepBudget;
    }

    int[] minimize(int[] schedule) {
        int[] cur = test(schedule);
        if (cur == null) {
            return schedule;
        }
        int n = 2;
        while (cur.length >= 2 && budget > 0) {
            int len = cur.length;
            int chunk = (len + n - 1) / n;
            boolean reduced = false;
            for (int start = 0; start < len && budget > 0; start += chunk) {
                int[] cand = without(cur, start, Math.min(len, start + chunk));
                int[] r = test(cand);
                if (r != null && r.length < len) {
                    cur = r;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= len) {
                    break;
                }
                n = Math.min(n * 2, len);
            }
        }
        return cur;
    }

    private int[] test(int[] cand) {
        budget -= cand.length;
        Replay.Outcome o = Replay.run(m, d, cand);
        return o.deadlock() != 0 ? o.executed() : null;
    }

    private static int[] without(int[] a, int from, int to) {
        int[] out = Arrays.copyOf(a, a.length - (to - from));
        System.arraycopy(a, to, out, from, a.length - to);
        return out;
    }
}
