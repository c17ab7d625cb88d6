package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The same seed gives the same run, bit for bit; a run's own seed replays it as run 0. */
class DeterminismTest {
    private static final Harness TRYLOCK =
            new Harness(ExampleSystems.load("seed/seed_2019_trylock.reclaim", "seed_2019_trylock"));

    private static Simulator.Options random(long seed) {
        return new Simulator.Options(Simulator.Mode.RANDOM, seed, 200, 2000, 1, 0, new int[0]);
    }

    @Test
    void sameSeedSameResultAndTrace() {
        SimResult a = Simulator.simulate(TRYLOCK.p, random(7), Progress.NONE);
        SimResult b = Simulator.simulate(TRYLOCK.p, random(7), Progress.NONE);
        assertTrue(a.deadlock());
        assertEquals(a, b);
    }

    @Test
    void sameSeedSameChoicesAndStates() {
        RandomSearch rs = new RandomSearch(TRYLOCK.m);
        int[] x = rs.schedule(12345, 5000);
        int[] y = rs.schedule(12345, 5000);
        assertArrayEquals(x, y);
        int[] s1 = TRYLOCK.p.initialState();
        int[] s2 = TRYLOCK.p.initialState();
        for (int t : x) {
            TRYLOCK.m.step(s1, t);
        }
        for (int t : y) {
            TRYLOCK.m.step(s2, t);
        }
        assertArrayEquals(s1, s2);
    }

    @Test
    void aRunsOwnSeedReplaysItAsTheFirstRun() {
        SimResult a = Simulator.simulate(TRYLOCK.p, random(7), Progress.NONE);
        SimResult.RandomRun rr = a.random();
        SimResult b = Simulator.simulate(TRYLOCK.p,
                new Simulator.Options(Simulator.Mode.RANDOM, rr.runSeed(), 1, 2000, 1, 0, new int[0]), Progress.NONE);
        assertEquals(0, b.random().run());
        assertEquals(rr.step(), b.random().step());
        assertEquals(a.found(), b.found());
    }

    @Test
    void differentSeedsExploreDifferently() {
        RandomSearch rs = new RandomSearch(TRYLOCK.m);
        assertTrue(rs.schedule(1, 300).length > 0);
        int[] a = rs.schedule(Rng.runSeed(1, 1), 300);
        int[] b = rs.schedule(Rng.runSeed(1, 2), 300);
        assertTrue(!java.util.Arrays.equals(a, b));
    }
}
