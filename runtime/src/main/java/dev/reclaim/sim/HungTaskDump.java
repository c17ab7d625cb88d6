package dev.reclaim.sim;

import java.util.List;

/**
 * A simulation result as a few lines of text for an assertion message: the verdict against the
 * system's {@code expect}, the bound it holds within, and for a deadlock its kind, the schedule
 * that replays it and a kernel-style hung-task stack per deadlocked thread (LANGUAGE.md §4).
 * Generated tests print it when a verdict is not the expected one.
 */
public final class HungTaskDump {
    private HungTaskDump() {
    }

    /** The report of {@code r}; deterministic (no timings). */
    public static String render(SimResult r) {
        StringBuilder out = new StringBuilder();
        out.append("system ").append(r.system()).append(": ").append(r.deadlock() ? "deadlock" : "no deadlock");
        if (r.expect() != null) {
            out.append(Boolean.TRUE.equals(r.met()) ? " as expected" : " but expected " + r.expect());
        }
        out.append('\n');
        for (String part : r.bound().split("; (?=exhaustive:|random:|schedule:)")) {
            out.append("  ").append(part).append('\n');
        }
        SimResult.Found f = r.found();
        if (f == null) {
            return out.toString();
        }
        out.append("  deadlock (").append(f.kind()).append("): ").append(f.summary()).append('\n');
        StringBuilder schedule = new StringBuilder();
        for (int pid : f.schedule()) {
            schedule.append(schedule.length() == 0 ? "" : ",").append(pid);
        }
        out.append("  replay: reclaimc simulate ").append(r.file()).append(" --system ").append(r.system())
                .append(" --schedule ").append(schedule).append('\n');
        stacks(out, f.stacks());
        return out.toString();
    }

    /** Labels padded to a common column, locations too, the note after them. */
    private static void stacks(StringBuilder out, List<SimResult.Stack> stacks) {
        int label = 25;
        int loc = 0;
        for (SimResult.Stack st : stacks) {
            for (SimResult.Frame fr : st.frames()) {
                label = Math.max(label, fr.label().length() + 1);
                loc = Math.max(loc, fr.location().length());
            }
        }
        for (SimResult.Stack st : stacks) {
            out.append("PID: ").append(st.pid()).append("  COMMAND: \"").append(st.command()).append('"');
            if (!st.inCycle()) {
                out.append("  (blocked behind the deadlock)");
            }
            out.append('\n');
            for (SimResult.Frame fr : st.frames()) {
                String line = String.format(" #%d %-" + label + "s %-" + loc + "s   %s", fr.index(), fr.label(),
                        fr.location(), fr.note());
                out.append(line.stripTrailing()).append('\n');
            }
        }
    }
}
