package dev.reclaim.sim;

import java.util.List;

/**
 * What simulating one system found, for the renderers: the verdict against its {@code expect}
 * (LANGUAGE.md §4 rule 10), what each mode did, the bound a "no deadlock" holds within, and for a
 * deadlock the schedule, the trace and a hung-task stack per thread of the deadlocked set.
 *
 * @param expect   "deadlock", "no deadlock" or null when the system states no expectation
 * @param met      whether the verdict matches {@code expect}; null without one
 * @param found    the deadlock reported (the exhaustive one when both modes found one: it is shortest)
 * @param bound    the bound a "no deadlock" verdict holds within, in words
 */
public record SimResult(String system, String file, String expect, boolean deadlock, Boolean met,
                        ExhaustiveRun exhaustive, RandomRun random, ScheduleRun schedule, Found found, String bound) {

    /** @param depth the deepest BFS level generated; {@code complete}: every reachable state was explored */
    public record ExhaustiveRun(boolean deadlock, long states, int depth, boolean complete, int maxStates,
                                int maxDepth) {
    }

    /**
     * @param run      the run that deadlocked, or -1
     * @param runSeed  that run's own seed: {@code --seed runSeed --runs 1} replays it
     * @param step     the number of steps that run took to deadlock
     */
    public record RandomRun(boolean deadlock, long seed, int runs, int steps, int run, long runSeed, int step,
                            long stepsExecuted, int runsDone) {
    }

    /** A replay of {@code --schedule}: entries whose thread could not run were skipped. */
    public record ScheduleRun(boolean deadlock, int requested, int executed, int skipped) {
    }

    /**
     * @param by       "exhaustive", "random" or "schedule"
     * @param kind     "lock/IO cycle", "self-wait", "memory starvation" or "mempool exhaustion"
     * @param cycle    the threads of the cycle (or of the starving set), in order
     * @param schedule the PIDs to pass to {@code --schedule} to replay it exactly
     * @param stacks   one per deadlocked thread, by PID
     */
    public record Found(String by, String kind, String summary, List<String> cycle, List<Integer> schedule,
                        List<TraceStep> trace, List<Stack> stacks) {
        public Found {
            cycle = List.copyOf(cycle);
            schedule = List.copyOf(schedule);
            trace = List.copyOf(trace);
            stacks = List.copyOf(stacks);
        }
    }

    /**
     * One scheduler step: the statement the thread ran first, free pages after the step (-1 when
     * the system declares no memory), what happened.
     */
    public record TraceStep(int step, int pid, String thread, String statement, String location, int free,
                            String note) {
    }

    /** @param inCycle false for a thread that is only blocked behind the cycle */
    public record Stack(int pid, String command, boolean inCycle, List<Frame> frames) {
        public Stack {
            frames = List.copyOf(frames);
        }
    }

    /** {@code #index label  location  note}; note is empty except on frame #0 and reclaim frames. */
    public record Frame(int index, String label, String location, String note) {
    }
}
