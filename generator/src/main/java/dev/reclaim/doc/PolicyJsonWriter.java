package dev.reclaim.doc;

import dev.reclaim.cli.Json;
import dev.reclaim.doc.PolicyDoc.Cell;
import dev.reclaim.doc.PolicyDoc.ContextDoc;
import dev.reclaim.doc.PolicyDoc.FindingDoc;
import dev.reclaim.doc.PolicyDoc.InstanceDoc;
import dev.reclaim.doc.PolicyDoc.LayerDoc;
import dev.reclaim.doc.PolicyDoc.PermDoc;
import dev.reclaim.doc.PolicyDoc.Row;
import dev.reclaim.doc.PolicyDoc.RuleDoc;
import dev.reclaim.doc.PolicyDoc.SimDoc;
import dev.reclaim.doc.PolicyDoc.SystemDoc;
import dev.reclaim.doc.PolicyDoc.ThreadDoc;
import java.util.List;

/** Writes {@code policy.json} (schema: docs/DOC-EXPORT.md), version 1, through the CLI's {@link Json} writer. */
public final class PolicyJsonWriter {
    private final Json j = new Json();

    public String write(PolicyDoc doc) {
        j.beginObject();
        j.name("version").value(1);
        j.name("files");
        strings(doc.files());
        j.name("permissions").beginArray();
        for (PermDoc p : doc.permissions()) {
            j.beginObject().name("name").value(p.name()).name("doc").value(p.doc()).endObject();
        }
        j.endArray();
        j.name("contexts").beginArray();
        for (ContextDoc c : doc.contexts()) {
            j.beginObject().name("name").value(c.name()).name("permissions");
            strings(c.permissions());
            j.name("includes");
            strings(c.includes());
            j.name("doc").value(c.doc()).endObject();
        }
        j.endArray();
        j.name("layers").beginArray();
        for (LayerDoc l : doc.layers()) {
            j.beginObject().name("name").value(l.name()).name("guard").value(l.guard()).name("below");
            strings(l.below());
            j.name("above");
            strings(l.above());
            j.name("doc").value(l.doc()).endObject();
        }
        j.endArray();
        j.name("recursionMatrix").beginObject().name("columns");
        strings(doc.matrix().columns());
        j.name("rows").beginArray();
        for (Row r : doc.matrix().rows()) {
            j.beginObject().name("layer").value(r.layer()).name("context").value(r.context()).name("cells").beginArray();
            for (Cell c : r.cells()) {
                j.beginObject().name("target").value(c.target()).name("admitted").value(c.admitted())
                        .name("forbidden").value(c.forbidden()).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
        j.name("simulationBounds").value(doc.simBounds());
        j.name("systems").beginArray();
        for (SystemDoc s : doc.systems()) {
            system(s);
        }
        j.endArray();
        j.name("fileFindings");
        findings(doc.fileFindings());
        j.name("rules").beginArray();
        for (RuleDoc r : doc.rules()) {
            j.beginObject().name("id").value(r.id()).name("severity").value(r.severity()).name("title")
                    .value(r.title()).name("rationale").value(r.rationale()).name("badExample").value(r.bad())
                    .name("goodExample").value(r.good()).endObject();
        }
        j.endArray();
        j.endObject();
        return j + "\n";
    }

    private void system(SystemDoc s) {
        j.beginObject().name("name").value(s.name()).name("file").value(s.file()).name("doc").value(s.doc());
        j.name("instances").beginArray();
        for (InstanceDoc i : s.instances()) {
            j.beginObject().name("name").value(i.name()).name("layer").value(i.layer()).name("on");
            strings(i.on());
            j.name("servedBy");
            strings(i.servedBy());
            j.endObject();
        }
        j.endArray();
        j.name("threads").beginArray();
        for (ThreadDoc t : s.threads()) {
            j.beginObject().name("name").value(t.name()).name("kind").value(t.kind()).name("serves").value(t.serves())
                    .endObject();
        }
        j.endArray();
        j.name("findings");
        findings(s.findings());
        SimDoc sim = s.simulation();
        j.name("simulation").beginObject().name("verdict").value(sim.verdict()).name("expect").value(sim.expect())
                .name("met");
        if (sim.met() == null) {
            j.value((String) null);
        } else {
            j.value(sim.met().booleanValue());
        }
        j.name("kind").value(sim.kind()).name("summary").value(sim.summary()).name("replay").value(sim.replay())
                .name("bound").value(sim.bound());
        j.name("trace").beginArray();
        for (PolicyDoc.StepDoc t : sim.trace()) {
            j.beginObject().name("step").value(t.step()).name("pid").value(t.pid()).name("thread").value(t.thread())
                    .name("statement").value(t.statement()).name("location").value(t.location()).name("free")
                    .value(t.free()).name("note").value(t.note()).endObject();
        }
        j.endArray().name("stacks").beginArray();
        for (PolicyDoc.StackDoc st : sim.stacks()) {
            j.beginObject().name("pid").value(st.pid()).name("command").value(st.command()).name("inCycle")
                    .value(st.inCycle()).name("frames").beginArray();
            for (PolicyDoc.FrameDoc fr : st.frames()) {
                j.beginObject().name("index").value(fr.index()).name("label").value(fr.label()).name("location")
                        .value(fr.location()).name("note").value(fr.note()).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
        j.endObject();
    }

    private void findings(List<FindingDoc> findings) {
        j.beginArray();
        for (FindingDoc f : findings) {
            j.beginObject().name("ruleId").value(f.ruleId()).name("severity").value(f.severity()).name("status")
                    .value(f.status()).name("message").value(f.message()).name("location").beginObject()
                    .name("file").value(f.file()).name("line").value(f.line()).name("column").value(f.column())
                    .endObject().name("declaration").value(f.declaration()).endObject();
        }
        j.endArray();
    }

    private void strings(List<String> values) {
        j.beginArray();
        for (String v : values) {
            j.value(v);
        }
        j.endArray();
    }
}
