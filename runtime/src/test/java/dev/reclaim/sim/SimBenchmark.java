package dev.reclaim.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.reclaim.model.SystemModel;

/**
 * Simulator speed, as figures and as ratios against baselines measured in the same run (so the
 * numbers survive a slower or busier machine): exhaustive states/s against a loop that only
 * copies, fingerprints and inserts the very states the search visits; random steps/s against a
 * loop that only draws the scheduler's random numbers and computes the runnable set; and, when
 * the launcher has been built, CLI wall time of {@code simulate} on the buggy seed against
 * {@code check} of the same file (JVM start and front end included in both).
 *
 * <p>Run: {@code ./mvnw -q -o -pl runtime test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.reclaim.sim.SimBenchmark} (from the repository root).
 */
public final class SimBenchmark {
    private static final long MEASURE_NANOS = 3_000_000_000L;

    public static void main(String[] args) throws Exception {
        exhaustive("seed_2019_noio_fix", ExampleSystems.load("seed/seed_2019_noio_fix.reclaim", "seed_2019_noio_fix"));
        exhaustive("seed_wq_deferred", ExampleSystems.load("seed/seed_wq_deferred.reclaim", "seed_wq_deferred"));
        random("seed_2019_noio_fix", ExampleSystems.load("seed/seed_2019_noio_fix.reclaim", "seed_2019_noio_fix"));
        cli();
    }

    private static void exhaustive(String name, SystemModel sys) {
        Program p = SimCompiler.compile(sys);
        Machine m = new Machine(p);
        Exhaustive ex = new Exhaustive(m);
        Exhaustive.Result first = ex.search(Integer.MAX_VALUE, 0, Progress.NONE);
        long perRun = first.states();
        long states = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < MEASURE_NANOS / 3) {
            states += ex.search(Integer.MAX_VALUE, 0, Progress.NONE).states();
        }
        states = 0;
        t0 = System.nanoTime();
        long t;
        do {
            states += ex.search(Integer.MAX_VALUE, 0, Progress.NONE).states();
            t = System.nanoTime() - t0;
        } while (t < MEASURE_NANOS);
        double rate = states / (t / 1e9);
        double base = hashBaseline(p, m, (int) perRun);
        System.out.printf(Locale.ROOT, "exhaustive %-20s %,9d states/search  %,12.0f states/s   baseline (copy+hash+insert "
                + "of the same states) %,12.0f/s   ratio %.2f%n", name, perRun, rate, base, rate / base);
    }

    /** Copy + fingerprint + insert of the reachable states, in BFS order, into a fresh set each round. */
    private static double hashBaseline(Program p, Machine m, int n) {
        List<int[]> states = reachable(p, m, n);
        int w = p.width;
        int[] scratch = new int[w];
        long done = 0;
        long t0 = System.nanoTime();
        long t;
        long sink = 0;
        do {
            LongSet set = new LongSet(1 << 12);
            for (int[] s : states) {
                System.arraycopy(s, 0, scratch, 0, w);
                sink += set.add(StateHash.of(scratch)) ? 1 : 0;
            }
            done += states.size();
            t = System.nanoTime() - t0;
        } while (t < MEASURE_NANOS);
        if (sink == 42) {
            System.out.print("");
        }
        return done / (t / 1e9);
    }

    private static List<int[]> reachable(Program p, Machine m, int n) {
        List<int[]> out = new ArrayList<>();
        LongSet seen = new LongSet(n);
        out.add(p.initialState());
        seen.add(StateHash.of(p.initial));
        for (int i = 0; i < out.size(); i++) {
            int[] s = out.get(i);
            for (int run = m.runnableMask(s); run != 0; run &= run - 1) {
                int[] c = s.clone();
                m.step(c, Integer.numberOfTrailingZeros(run));
                if (seen.add(StateHash.of(c))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static void random(String name, SystemModel sys) {
        Program p = SimCompiler.compile(sys);
        Machine m = new Machine(p);
        RandomSearch rs = new RandomSearch(m);
        rs.search(1, 200, 2000, Progress.NONE);
        long steps = 0;
        long t0 = System.nanoTime();
        long t;
        int seed = 2;
        do {
            steps += rs.search(seed++, 200, 2000, Progress.NONE).stepsExecuted();
            t = System.nanoTime() - t0;
        } while (t < MEASURE_NANOS);
        double rate = steps / (t / 1e9);
        // baseline: the scheduler's own work per step (draw, runnable set), without running a thread
        int[] s = p.initialState();
        Rng rng = new Rng(7);
        long n = 0;
        long sink = 0;
        t0 = System.nanoTime();
        do {
            for (int i = 0; i < 1_000_000; i++) {
                int run = m.runnableMask(s);
                sink += rng.nextInt(Integer.bitCount(run) + 1);
            }
            n += 1_000_000;
            t = System.nanoTime() - t0;
        } while (t < MEASURE_NANOS);
        double base = n / (t / 1e9);
        if (sink == 42) {
            System.out.print("");
        }
        System.out.printf(Locale.ROOT, "random     %-20s %,12.0f steps/s   baseline (draw + runnable set only) %,12.0f/s"
                + "   ratio %.2f%n", name, rate, base, rate / base);
        long before = used();
        rs.search(3, 20, 1_000_000, Progress.NONE);
        long after = used();
        System.out.printf(Locale.ROOT, "random     memory after 20 runs x 1,000,000 steps: %+,d bytes of heap in use%n",
                after - before);
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    private static void cli() throws Exception {
        Path root = ExampleSystems.dir().toAbsolutePath().getParent();
        Path launcher = root.resolve("reclaimc");
        if (!Files.isExecutable(launcher) || !Files.exists(root.resolve("generator/target/reclaimc.jar"))) {
            System.out.println("cli: ../reclaimc or its jar missing; skipped");
            return;
        }
        String file = "examples/seed/seed_2019_buggy.reclaim";
        wall(root, new String[] { "./reclaimc", "--version" });
        double version = wall(root, new String[] { "./reclaimc", "--version" });
        double check = wall(root, new String[] { "./reclaimc", "check", file });
        double sim = wall(root, new String[] { "./reclaimc", "simulate", file });
        System.out.printf(Locale.ROOT, "cli        simulate seed_2019_buggy: %.2f s wall (median of 5)   check: %.2f s"
                + "   --version: %.2f s   simulate/check %.2f%n", sim, check, version, sim / check);
    }

    private static double wall(Path root, String[] cmd) throws Exception {
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            Process pr = new ProcessBuilder(cmd).directory(root.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            pr.waitFor();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[2];
    }
}
