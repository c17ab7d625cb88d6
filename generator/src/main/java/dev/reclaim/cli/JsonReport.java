package dev.reclaim.cli;

import java.util.List;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;

/** {@code --format json}: the same findings as the text report; fields documented in the README. */
final class JsonReport {
    static final int VERSION = 1;

    String render(List<FileReport> reports) {
        Json j = new Json().beginObject();
        j.name("version").value(VERSION);
        j.name("files").beginArray();
        for (FileReport r : reports) {
            j.beginObject().name("file").value(r.file()).name("systems").beginArray();
            for (SystemModel s : r.systems()) {
                j.value(s.name());
            }
            j.endArray().endObject();
        }
        j.endArray();
        j.name("findings").beginArray();
        for (FileReport r : reports) {
            for (Reported rep : r.findings()) {
                finding(j, rep);
            }
        }
        j.endArray();
        Summary s = Summary.of(reports);
        j.name("summary").beginObject()
                .name("files").value(s.files())
                .name("systems").value(s.systems())
                .name("errors").value(s.errors())
                .name("warnings").value(s.warnings())
                .name("notes").value(s.notes())
                .name("expected").value(s.expected())
                .name("waived").value(s.waived())
                .name("baselined").value(s.baselined())
                .name("failed").value(s.failed())
                .endObject();
        return j.endObject() + "\n";
    }

    private static void finding(Json j, Reported rep) {
        Finding f = rep.finding();
        j.beginObject();
        j.name("ruleId").value(f.ruleId());
        j.name("severity").value(f.severity().label());
        j.name("status").value(rep.status().name().toLowerCase(java.util.Locale.ROOT));
        j.name("message").value(f.message());
        j.name("location");
        location(j, f.pos());
        j.name("system").value(f.system());
        j.name("declaration").value(f.declaration());
        j.name("related").beginArray();
        for (Related rel : f.related()) {
            j.beginObject().name("message").value(rel.message()).name("location");
            location(j, rel.pos());
            j.endObject();
        }
        j.endArray();
        j.name("note").value(rep.note());
        j.name("rationale").value(f.rule().rationale());
        j.endObject();
    }

    private static void location(Json j, SourcePos p) {
        j.beginObject().name("file").value(p.file()).name("line").value(p.line()).name("column").value(p.column())
                .name("endLine").value(p.endLine()).name("endColumn").value(p.endColumn()).endObject();
    }
}
