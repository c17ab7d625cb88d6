package dev.reclaim.sim;

/**
 * Random mode: K runs of at most N steps, each step picking a runnable thread uniformly with a
 * per-run SplitMix64 seed. Only the current state and the generator live across steps, so memory
 * does not grow with the number of steps; a run that deadlocks is reproduced by re-running its
 * seed ({@link #schedule}).
 */
final class RandomSearch {
    /** {@code run} is -1 when no run deadlocked; {@code step} is the number of steps of that run. */
    record Result(int run, long runSeed, int step, long stepsExecuted, int runsDone) {
        boolean found() {
            return run >= 0;
        }
    }

    private final Machine m;
    private final Deadlocks d;
    private final Program p;

    RandomSearch(Machine m) {
        this.m = m;
        this.d = new Deadlocks(m);
        this.p = m.p;
    }

    Result search(long seed, int runs, int steps, Progress progress) {
        int[] s = new int[p.width];
        long total = 0;
        long t0 = System.nanoTime();
        long lastReport = t0;
        Rng rng = new Rng(0);
        for (int r = 0; r < runs; r++) {
            long rs = Rng.runSeed(seed, r);
            int at = runOne(s, rng, rs, steps, null);
            total += at < 0 ? -at - 1 : at;
            if (at >= 0) {
                return new Result(r, rs, at, total, r + 1);
            }
            long now = System.nanoTime();
            if (now - lastReport > 200_000_000L) {
                lastReport = now;
                progress.report("random", total, total / ((now - t0) / 1e9), 0, now - t0);
            }
        }
        return new Result(-1, 0, 0, total, runs);
    }

    /**
     * One run from the initial state. Returns the number of steps after which the state is
     * deadlocked, or {@code -(steps executed) - 1} when the run ends without one. Records the
     * chosen threads into {@code choices} when given.
     */
    int runOne(int[] s, Rng rng, long runSeed, int steps, int[] choices) {
        System.arraycopy(p.initial, 0, s, 0, p.width);
        rng.reseed(runSeed);
        int all = p.allMask;
        int prevStuck = -1;
        for (int i = 0;; i++) {
            int run = m.runnableMask(s);
            int stuck = ~run & all;
            if (stuck != prevStuck) {
                prevStuck = stuck;
                if (stuck != 0 && d.find(s, run) != 0) {
                    return i;
                }
            }
            if (run == 0 || i == steps) {
                return -i - 1;
            }
            int k = rng.nextInt(Integer.bitCount(run));
            while (k-- > 0) {
                run &= run - 1;
            }
            int t = Integer.numberOfTrailingZeros(run);
            if (choices != null) {
                choices[i] = t;
            }
            m.step(s, t);
        }
    }

    /** The threads chosen by the run seeded {@code runSeed}, up to its deadlock (or all {@code steps}). */
    int[] schedule(long runSeed, int steps) {
        int[] s = new int[p.width];
        int[] choices = new int[steps];
        int at = runOne(s, new Rng(0), runSeed, steps, choices);
        int n = at >= 0 ? at : -at - 1;
        return java.util.Arrays.copyOf(choices, n);
    }
}
