package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.model.SystemModel;

/**
 * The simulator's front door: compiles a system, runs the selected modes and decides its verdict
 * (LANGUAGE.md §4 rule 10): a deadlock found by either mode decides "deadlock"; "no deadlock"
 * needs every mode that ran to find none, and the result names the bound that holds within.
 */
public final class Simulator {
    /** DEFAULT runs both modes (rule 10); the others run one mode, or replay a schedule. */
    public enum Mode { DEFAULT, RANDOM, EXHAUSTIVE, SCHEDULE }

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_RUNS = 200;
    public static final int DEFAULT_STEPS = 2_000;
    public static final int DEFAULT_MAX_STATES = 2_000_000;
    /** 0: no depth bound. */
    public static final int DEFAULT_MAX_DEPTH = 0;
    /** Steps the minimiser may replay in total (it stops early with what it has). */
    static final long MINIMIZE_BUDGET = 20_000_000L;

    /** @param schedule PIDs to replay in SCHEDULE mode */
    public record Options(Mode mode, long seed, int runs, int steps, int maxStates, int maxDepth, int[] schedule) {
        public static Options defaults() {
            return new Options(Mode.DEFAULT, DEFAULT_SEED, DEFAULT_RUNS, DEFAULT_STEPS, DEFAULT_MAX_STATES,
                    DEFAULT_MAX_DEPTH, new int[0]);
        }

        public Options with(Mode m) {
            return new Options(m, seed, runs, steps, maxStates, maxDepth, schedule);
        }
    }

    private Simulator() {
    }

    /** @throws IllegalArgumentException when the system cannot be simulated (too many threads) */
    public static SimResult simulate(SystemModel sys, Options o, Progress progress) {
        Program prog = SimCompiler.compile(sys);
        return simulate(prog, o, progress);
    }

    public static SimResult simulate(Program prog, Options o, Progress progress) {
        SystemModel sys = prog.sys;
        Machine m = new Machine(prog);
        SimResult.ExhaustiveRun ex = null;
        SimResult.RandomRun rr = null;
        SimResult.ScheduleRun sr = null;
        SimResult.Found found = null;
        if (o.mode() == Mode.SCHEDULE) {
            int[] sched = new int[o.schedule().length];
            for (int i = 0; i < sched.length; i++) {
                sched[i] = o.schedule()[i] - 1;
            }
            Replay.Outcome r = Replay.run(m, new Deadlocks(m), sched);
            sr = new SimResult.ScheduleRun(r.deadlock() != 0, sched.length, r.executed().length, r.skipped());
            if (r.deadlock() != 0) {
                found = new Tracer(prog).trace(r.executed(), "schedule");
            }
        }
        if (o.mode() == Mode.DEFAULT || o.mode() == Mode.EXHAUSTIVE) {
            Exhaustive.Result r = new Exhaustive(m).search(o.maxStates(), o.maxDepth(), progress);
            ex = new SimResult.ExhaustiveRun(r.found(), r.states(), r.depth(), r.complete(), o.maxStates(),
                    o.maxDepth());
            if (r.found()) {
                found = new Tracer(prog).trace(r.schedule(), "exhaustive");
            }
        }
        if (o.mode() == Mode.DEFAULT || o.mode() == Mode.RANDOM) {
            RandomSearch rs = new RandomSearch(m);
            RandomSearch.Result r = rs.search(o.seed(), o.runs(), o.steps(), progress);
            rr = new SimResult.RandomRun(r.found(), o.seed(), o.runs(), o.steps(), r.run(), r.runSeed(), r.step(),
                    r.stepsExecuted(), r.runsDone());
            if (r.found() && found == null) {
                int[] sched = rs.schedule(r.runSeed(), o.steps());
                int[] min = new Minimizer(m, MINIMIZE_BUDGET).minimize(sched);
                found = new Tracer(prog).trace(min, "random");
            }
        }
        boolean deadlock = found != null;
        String expect = sys.expect() == null ? null : sys.expect().deadlock() ? "deadlock" : "no deadlock";
        Boolean met = sys.expect() == null ? null : sys.expect().deadlock() == deadlock;
        String file = sys.pos() == null ? null : sys.pos().file();
        return new SimResult(sys.name(), file, expect, deadlock, met, ex, rr, sr, found, bound(ex, rr, sr));
    }

    /** The bound the verdict holds within, in words (rule 10: stated in every report). */
    static String bound(SimResult.ExhaustiveRun ex, SimResult.RandomRun rr, SimResult.ScheduleRun sr) {
        List<String> parts = new ArrayList<>();
        if (ex != null) {
            String limit = ex.maxStates() + " states" + (ex.maxDepth() > 0 ? ", depth " + ex.maxDepth() : "");
            if (ex.deadlock()) {
                parts.add("exhaustive: deadlock at depth " + ex.depth() + " after " + ex.states() + " states (bound "
                        + limit + ")");
            } else if (ex.complete()) {
                parts.add("exhaustive: no deadlock in any of the " + ex.states()
                        + " reachable states (whole state space, depth " + ex.depth() + "; bound " + limit + ")");
            } else {
                parts.add("exhaustive: no deadlock within bound " + limit + " (" + ex.states() + " states, depth "
                        + ex.depth() + ")");
            }
        }
        if (rr != null) {
            if (rr.deadlock()) {
                parts.add("random: deadlock in run " + (rr.run() + 1) + " of " + rr.runs() + " at step " + rr.step()
                        + " (seed " + rr.seed() + ", run seed " + rr.runSeed() + ")");
            } else {
                parts.add("random: no deadlock in " + rr.runs() + " runs x " + rr.steps() + " steps (seed " + rr.seed()
                        + ", " + rr.stepsExecuted() + " steps run)");
            }
        }
        if (sr != null) {
            parts.add("schedule: " + (sr.deadlock() ? "deadlock" : "no deadlock") + " after " + sr.executed()
                    + " steps" + (sr.skipped() > 0 ? " (" + sr.skipped() + " entries skipped: thread not runnable)"
                    : ""));
        }
        return String.join("; ", parts);
    }
}
