package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Random-mode schedules shrink while they still deadlock, down to 1-minimal. */
class MinimizerTest {
    @Test
    void shrinksARandomRunToAShortScheduleThatStillDeadlocks() {
        Harness h = new Harness(ExampleSystems.load("seed/seed_2019_trylock.reclaim", "seed_2019_trylock"));
        RandomSearch rs = new RandomSearch(h.m);
        RandomSearch.Result r = rs.search(1, 200, 2000, Progress.NONE);
        assertTrue(r.found());
        int[] sched = rs.schedule(r.runSeed(), 2000);
        int[] min = new Minimizer(h.m, Simulator.MINIMIZE_BUDGET).minimize(sched);
        assertTrue(min.length < sched.length, min.length + " < " + sched.length);
        Replay.Outcome o = Replay.run(h.m, h.d, min);
        assertNotEquals(0, o.deadlock());
        assertTrue(o.skipped() == 0 && o.executed().length == min.length);
        for (int i = 0; i < min.length; i++) {
            int[] fewer = new int[min.length - 1];
            System.arraycopy(min, 0, fewer, 0, i);
            System.arraycopy(min, i + 1, fewer, i, min.length - i - 1);
            assertTrue(Replay.run(h.m, h.d, fewer).deadlock() == 0 || Arrays.equals(fewer, min),
                    "removing entry " + i + " should lose the deadlock");
        }
    }
}
