package dev.reclaim.cli;

import java.util.List;

import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.SimResult.Frame;
import dev.reclaim.sim.SimResult.Stack;
import dev.reclaim.sim.SimResult.TraceStep;

/**
 * The human report of {@code simulate}: per system the verdict against its expect, what each
 * mode explored (the bound), and for a deadlock its kind, the replay commands, the step-by-step
 * trace and a hung-task stack per deadlocked thread laid out as in LANGUAGE.md §4. No timings, so
 * the report of a given input and options is the same bytes every time.
 */
final class SimTextReport {
    private final SimulateCommand.Replays replays;

    SimTextReport(SimulateCommand.Replays replays) {
        this.replays = replays;
    }

    String render(List<SimResult> results) {
        StringBuilder out = new StringBuilder();
        int met = 0;
        int failed = 0;
        for (SimResult r : results) {
            system(out, r);
            if (Boolean.FALSE.equals(r.met())) {
                failed++;
            } else if (Boolean.TRUE.equals(r.met())) {
                met++;
            }
        }
        out.append("simulated ").append(results.size()).append(results.size() == 1 ? " system: " : " systems: ")
                .append(met).append(" as expected, ").append(failed).append(" not as expected");
        int none = results.size() - met - failed;
        if (none > 0) {
            out.append(", ").append(none).append(" without expect");
        }
        return out.append('\n').toString();
    }

    static String verdict(SimResult r) {
        return r.deadlock() ? "deadlock" : "no deadlock";
    }

    private void system(StringBuilder out, SimResult r) {
        out.append("system ").append(r.system()).append(": ").append(verdict(r));
        if (r.expect() == null) {
            out.append(" (no expect)\n");
        } else {
            out.append(Boolean.TRUE.equals(r.met()) ? " as expected" : " but expected " + r.expect()).append('\n');
        }
        for (String part : r.bound().split("; (?=exhaustive:|random:|schedule:)")) {
            out.append("  ").append(part).append('\n');
        }
        SimResult.Found f = r.found();
        if (f == null) {
            out.append('\n');
            return;
        }
        out.append("  deadlock (").append(f.kind()).append("): ").append(f.summary()).append('\n');
        out.append("  replay: ").append(replays.schedule(r)).append('\n');
        if (r.random() != null && r.random().deadlock()) {
            out.append("  replay the random run: ").append(replays.seed(r)).append('\n');
        }
        out.append('\n');
        trace(out, f);
        out.append('\n');
        stacks(out, f.stacks());
        out.append('\n');
    }

    private static void trace(StringBuilder out, SimResult.Found f) {
        String how = switch (f.by()) {
            case "exhaustive" -> "shortest schedule, from the exhaustive search";
            case "random" -> "random run, minimised";
            default -> "the given schedule";
        };
        out.append("trace (").append(f.trace().size()).append(" steps; ").append(how).append("):\n");
        int thread = "thread".length();
        int stmt = "statement".length();
        int loc = "location".length();
        for (TraceStep s : f.trace()) {
            thread = Math.max(thread, s.thread().length());
            stmt = Math.max(stmt, s.statement().length());
            loc = Math.max(loc, s.location().length());
        }
        out.append(String.format("  %4s %3s  %-" + thread + "s  %-" + stmt + "s  %-" + loc + "s  %4s  %s",
                "step", "pid", "thread", "statement", "location", "free", "")
                .stripTrailing()).append('\n');
        for (TraceStep s : f.trace()) {
            out.append(String.format("  %4d %3d  %-" + thread + "s  %-" + stmt + "s  %-" + loc + "s  %4s  %s",
                    s.step(), s.pid(), s.thread(), s.statement(), s.location(), s.free() < 0 ? "-" : s.free(),
                    s.note()).stripTrailing()).append('\n');
        }
    }

    /** Hung-task stacks: labels padded to a common column, locations too, the note after them. */
    static void stacks(StringBuilder out, List<Stack> stacks) {
        int label = 25;
        int loc = 0;
        for (Stack st : stacks) {
            for (Frame fr : st.frames()) {
                label = Math.max(label, fr.label().length() + 1);
                loc = Math.max(loc, fr.location().length());
            }
        }
        for (Stack st : stacks) {
            out.append("PID: ").append(st.pid()).append("  COMMAND: \"").append(st.command()).append('"');
            if (!st.inCycle()) {
                out.append("  (blocked behind the deadlock)");
            }
            out.append('\n');
            for (Frame fr : st.frames()) {
                String line = String.format(" #%d %-" + label + "s %-" + loc + "s   %s", fr.index(), fr.label(),
                        fr.location(), fr.note());
                out.append(line.stripTrailing()).append('\n');
            }
        }
    }
}
