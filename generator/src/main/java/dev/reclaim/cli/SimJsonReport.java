package dev.reclaim.cli;

import java.util.List;

import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.SimResult.Frame;
import dev.reclaim.sim.SimResult.Stack;
import dev.reclaim.sim.SimResult.TraceStep;

/** {@code simulate --format json}: the content of the text report, fields in a fixed order, no timings. */
final class SimJsonReport {
    static final int VERSION = 1;

    private final SimulateCommand.Replays replays;

    SimJsonReport(SimulateCommand.Replays replays) {
        this.replays = replays;
    }

    String render(List<SimResult> results) {
        Json j = new Json().beginObject();
        j.name("version").value(VERSION);
        j.name("systems").beginArray();
        int met = 0;
        int failed = 0;
        for (SimResult r : results) {
            system(j, r);
            if (Boolean.TRUE.equals(r.met())) {
                met++;
            } else if (Boolean.FALSE.equals(r.met())) {
                failed++;
            }
        }
        j.endArray();
        j.name("summary").beginObject().name("systems").value(results.size()).name("met").value(met)
                .name("failed").value(failed).endObject();
        return j.endObject() + "\n";
    }

    private void system(Json j, SimResult r) {
        j.beginObject();
        j.name("system").value(r.system());
        j.name("file").value(r.file());
        j.name("expect").value(r.expect());
        j.name("verdict").value(SimTextReport.verdict(r));
        j.name("met");
        if (r.met() == null) {
            j.value((String) null);
        } else {
            j.value(r.met());
        }
        j.name("bound").value(r.bound());
        j.name("exhaustive");
        SimResult.ExhaustiveRun ex = r.exhaustive();
        if (ex == null) {
            j.value((String) null);
        } else {
            j.beginObject().name("deadlock").value(ex.deadlock()).name("states").value(ex.states())
                    .name("depth").value(ex.depth()).name("complete").value(ex.complete())
                    .name("maxStates").value(ex.maxStates()).name("maxDepth").value(ex.maxDepth()).endObject();
        }
        j.name("random");
        SimResult.RandomRun rr = r.random();
        if (rr == null) {
            j.value((String) null);
        } else {
            j.beginObject().name("deadlock").value(rr.deadlock()).name("seed").value(rr.seed())
                    .name("runs").value(rr.runs()).name("steps").value(rr.steps());
            if (rr.deadlock()) {
                j.name("run").value(rr.run() + 1).name("runSeed").value(rr.runSeed()).name("step").value(rr.step())
                        .name("replay").value(replays.seed(r));
            }
            j.name("stepsExecuted").value(rr.stepsExecuted()).endObject();
        }
        j.name("schedule");
        SimResult.ScheduleRun sr = r.schedule();
        if (sr == null) {
            j.value((String) null);
        } else {
            j.beginObject().name("deadlock").value(sr.deadlock()).name("requested").value(sr.requested())
                    .name("executed").value(sr.executed()).name("skipped").value(sr.skipped()).endObject();
        }
        j.name("deadlock");
        SimResult.Found f = r.found();
        if (f == null) {
            j.value((String) null);
        } else {
            found(j, r, f);
        }
        j.endObject();
    }

    private void found(Json j, SimResult r, SimResult.Found f) {
        j.beginObject();
        j.name("kind").value(f.kind());
        j.name("summary").value(f.summary());
        j.name("foundBy").value(f.by());
        j.name("cycle").beginArray();
        f.cycle().forEach(j::value);
        j.endArray();
        j.name("schedule").beginArray();
        f.schedule().forEach(p -> j.value(p));
        j.endArray();
        j.name("replay").value(replays.schedule(r));
        j.name("trace").beginArray();
        for (TraceStep s : f.trace()) {
            j.beginObject().name("step").value(s.step()).name("pid").value(s.pid()).name("thread").value(s.thread())
                    .name("statement").value(s.statement()).name("location").value(s.location())
                    .name("free");
            if (s.free() < 0) {
                j.value((String) null);
            } else {
                j.value(s.free());
            }
            j.name("note").value(s.note()).endObject();
        }
        j.endArray();
        j.name("stacks").beginArray();
        for (Stack st : f.stacks()) {
            j.beginObject().name("pid").value(st.pid()).name("command").value(st.command())
                    .name("inCycle").value(st.inCycle()).name("frames").beginArray();
            for (Frame fr : st.frames()) {
                j.beginObject().name("frame").value(fr.index()).name("label").value(fr.label())
                        .name("location").value(fr.location()).name("note").value(fr.note()).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray();
        j.endObject();
    }
}
