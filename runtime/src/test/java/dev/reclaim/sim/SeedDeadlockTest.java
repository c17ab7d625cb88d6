package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.sim.SimResult.Frame;
import dev.reclaim.sim.SimResult.Stack;

/** The seed case reaches the deadlock of LANGUAGE.md §4, with the hung-task stacks shown there. */
class SeedDeadlockTest {
    private static List<String> labels(Stack s) {
        return s.frames().stream().map(Frame::label).toList();
    }

    @Test
    void kswapdHoldsBufioLockWaitingForLoop0WhichWaitsForTheLockInReclaim() {
        Harness h = new Harness(ExampleSystems.load("seed/seed_2019_buggy.reclaim", "seed_2019_buggy"));
        SimResult r = h.simulate(Simulator.Mode.EXHAUSTIVE);
        assertTrue(r.deadlock());
        assertEquals(Boolean.TRUE, r.met());
        SimResult.Found f = r.found();
        assertEquals("lock/IO cycle", f.kind());
        assertEquals(List.of("kswapd0", "loop0_worker"), f.cycle());
        assertEquals("kswapd0 waits for IO on loop0, served by loop0_worker; "
                + "loop0_worker waits for bufio_lock, held by kswapd0", f.summary());
        Stack kswapd = f.stacks().get(0);
        assertEquals(1, kswapd.pid());
        assertEquals("kswapd0", kswapd.command());
        assertEquals(List.of("clean thin0", "shrinker bufio scan", "kswapd reclaim pass"), labels(kswapd));
        assertEquals("waits for IO on loop0, served by loop0_worker", kswapd.frames().get(0).note());
        Stack worker = f.stacks().get(1);
        assertEquals(2, worker.pid());
        assertEquals(List.of("lock bufio_lock", "shrinker bufio count", "direct reclaim", "op direct_io",
                "serves loop0"), labels(worker));
        assertEquals("held by kswapd0", worker.frames().get(0).note());
        assertEquals("alloc 1 KERNEL, effective KERNEL", worker.frames().get(2).note());
        assertEquals("test.reclaim:71", kswapd.frames().get(0).location(), "file:line of the clean statement");
    }

    @Test
    void theShortestTraceIsReplayableAndEndsInTheSameDeadlock() {
        Harness h = new Harness(ExampleSystems.load("seed/seed_2019_buggy.reclaim", "seed_2019_buggy"));
        SimResult r = h.simulate(Simulator.Mode.EXHAUSTIVE);
        int[] pids = r.found().schedule().stream().mapToInt(Integer::intValue).toArray();
        SimResult replay = Simulator.simulate(h.p, new Simulator.Options(Simulator.Mode.SCHEDULE, 1, 1, 1, 1, 0, pids),
                Progress.NONE);
        assertEquals(r.found().stacks(), replay.found().stacks());
        assertEquals(r.found().trace(), replay.found().trace());
        assertEquals(0, replay.schedule().skipped());
    }

    @Test
    void theNoioFixHasNoDeadlockInItsWholeStateSpace() {
        Harness h = new Harness(ExampleSystems.load("seed/seed_2019_noio_fix.reclaim", "seed_2019_noio_fix"));
        SimResult r = h.simulate(Simulator.Mode.DEFAULT);
        assertEquals(Boolean.TRUE, r.met());
        assertTrue(r.exhaustive().complete());
        assertTrue(r.bound().contains("no deadlock in any of the " + r.exhaustive().states() + " reachable states"),
                r.bound());
        assertTrue(r.bound().contains("random: no deadlock in 200 runs x 2000 steps (seed 1"), r.bound());
    }
}
