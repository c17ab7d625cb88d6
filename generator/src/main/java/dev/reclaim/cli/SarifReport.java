package dev.reclaim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.findings.Severity;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.sim.SimResult;

/**
 * {@code --format sarif}: one SARIF 2.1.0 log with one run, for {@code check} and for
 * {@code simulate}. The bytes depend only on the input (no times, no absolute paths for relative
 * input, the tool's version from the jar manifest). The choices are documented in the README:
 * relative paths are URIs relative to {@code %SRCROOT%} (the directory reclaimc ran in); expected
 * and waived findings carry an {@code inSource} suppression (both are declared in the policy
 * file), baselined ones an {@code external} one; {@code partialFingerprints} come from
 * {@link FindingKey}, so they survive moving code.
 */
final class SarifReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT = "reclaimFinding/v1";
    static final String SIM_RULE = "simulation-verdict";
    static final String SIM_TITLE = "A system's simulated verdict differs from its `expect`";
    static final String SIM_RATIONALE = "`expect deadlock` or `expect no deadlock` states what the deterministic "
            + "simulator must find for the system (LANGUAGE.md §4 rule 10). A deadlock where none is expected is a "
            + "real hang of the stack, with a schedule that replays it; no deadlock where one is expected means the "
            + "model lost the case it was written for. It cannot be waived.";
    private static final Pattern WAIVER = Pattern.compile("allow \"[^\"]*\" \"(.*)\" at line (\\d+)", Pattern.DOTALL);
    private static final Pattern AT_LINE = Pattern.compile(".* at line (\\d+)", Pattern.DOTALL);
    private static final Pattern TRACE_LOCATION = Pattern.compile("(.+):(\\d+)");

    private final boolean baselineInUse;

    SarifReport(boolean baselineInUse) {
        this.baselineInUse = baselineInUse;
    }

    static String version() {
        String v = SarifReport.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }

    // ------------------------------------------------------------------ check

    String render(List<FileReport> reports) {
        Json j = begin();
        j.name("rules").beginArray();
        for (Rule r : Rule.values()) {
            rule(j, r.id(), r.title(), r.rationale(), level(r.severity()), r.waivable(), anchor(r.id()));
        }
        j.endArray().endObject().endObject();
        j.name("columnKind").value("utf16CodeUnits");
        j.name("results").beginArray();
        for (FileReport r : reports) {
            for (Reported rep : r.findings()) {
                result(j, rep);
            }
        }
        j.endArray();
        return end(j);
    }

    private void result(Json j, Reported rep) {
        Finding f = rep.finding();
        j.beginObject();
        j.name("ruleId").value(f.ruleId());
        j.name("ruleIndex").value(f.rule().ordinal());
        j.name("level").value(level(f.severity()));
        j.name("message").beginObject().name("text").value(f.message()).endObject();
        j.name("locations").beginArray().beginObject();
        j.name("physicalLocation");
        physical(j, f.pos());
        if (f.declaration() != null) {
            j.name("logicalLocations").beginArray().beginObject()
                    .name("name").value(lastSegment(f.declaration()))
                    .name("fullyQualifiedName").value(f.declaration()).endObject().endArray();
        }
        j.endObject().endArray();
        if (!f.related().isEmpty()) {
            j.name("relatedLocations").beginArray();
            int id = 1;
            for (Related rel : f.related()) {
                j.beginObject().name("id").value(id++)
                        .name("message").beginObject().name("text").value(rel.message()).endObject()
                        .name("physicalLocation");
                physical(j, rel.pos());
                j.endObject();
            }
            j.endArray();
        }
        j.name("partialFingerprints").beginObject().name(FINGERPRINT).value(FindingKey.of(f).fingerprint()).endObject();
        if (baselineInUse && (rep.status() == Reported.Status.ACTIVE || rep.status() == Reported.Status.BASELINED)) {
            j.name("baselineState").value(rep.status() == Reported.Status.ACTIVE ? "new" : "unchanged");
        }
        if (rep.status() != Reported.Status.ACTIVE) {
            j.name("suppressions").beginArray();
            suppression(j, rep, f.pos().file());
            j.endArray();
        }
        j.name("properties").beginObject()
                .name("status").value(rep.status().name().toLowerCase(java.util.Locale.ROOT))
                .name("system").value(f.system())
                .endObject();
        j.endObject();
    }

    private static void suppression(Json j, Reported rep, String file) {
        j.beginObject();
        String note = rep.note() == null ? "" : rep.note();
        switch (rep.status()) {
            case BASELINED -> j.name("kind").value("external").name("status").value("accepted")
                    .name("justification").value(note);
            case WAIVED, EXPECTED -> {
                Matcher w = WAIVER.matcher(note);
                j.name("kind").value("inSource").name("status").value("accepted")
                        .name("justification").value(w.matches() ? w.group(1) : note);
                Matcher at = AT_LINE.matcher(note);
                if (at.matches()) {
                    int line = Integer.parseInt(at.group(1));
                    j.name("location").beginObject().name("physicalLocation").beginObject();
                    artifact(j, file);
                    j.name("region").beginObject().name("startLine").value(line).endObject();
                    j.endObject().endObject();
                }
            }
            default -> throw new IllegalStateException("not suppressed: " + rep.status());
        }
        j.endObject();
    }

    // ------------------------------------------------------------------ simulate

    /** One result per system: {@code fail} (error) when the verdict misses its expect, {@code pass} when it meets it, {@code informational} without one. */
    String renderSimulation(List<SimResult> results, Map<String, SystemModel> systems, SimulateCommand.Replays replays) {
        Json j = begin();
        j.name("rules").beginArray();
        rule(j, SIM_RULE, SIM_TITLE, SIM_RATIONALE, "error", false, SIM_RULE);
        j.endArray().endObject().endObject();
        j.name("columnKind").value("utf16CodeUnits");
        j.name("results").beginArray();
        for (SimResult r : results) {
            simResult(j, r, systems.get(r.system()), replays);
        }
        j.endArray();
        return end(j);
    }

    private static void simResult(Json j, SimResult r, SystemModel sys, SimulateCommand.Replays replays) {
        String verdict = SimTextReport.verdict(r);
        String kind;
        String level;
        String text;
        if (r.met() == null) {
            kind = "informational";
            level = "note";
            text = "system " + r.system() + ": " + verdict + " (no expect)";
        } else if (r.met()) {
            kind = "pass";
            level = "none";
            text = "system " + r.system() + ": " + verdict + " as expected";
        } else {
            kind = "fail";
            level = "error";
            text = "system " + r.system() + ": " + verdict + " but expected " + r.expect();
        }
        SimResult.Found f = r.found();
        text += f != null ? " (" + f.kind() + ": " + f.summary() + ")" : " (" + r.bound() + ")";
        j.beginObject();
        j.name("ruleId").value(SIM_RULE);
        j.name("ruleIndex").value(0);
        j.name("kind").value(kind);
        j.name("level").value(level);
        j.name("message").beginObject().name("text").value(text).endObject();
        SourcePos pos = sys == null ? null : sys.expect() != null ? sys.expect().pos() : sys.pos();
        j.name("locations").beginArray().beginObject();
        if (pos != null) {
            j.name("physicalLocation");
            physical(j, pos);
        }
        j.name("logicalLocations").beginArray().beginObject().name("name").value(r.system())
                .name("fullyQualifiedName").value(r.system()).endObject().endArray();
        j.endObject().endArray();
        if (f != null && !f.trace().isEmpty()) {
            j.name("relatedLocations").beginArray();
            for (SimResult.TraceStep s : f.trace()) {
                String msg = "step " + s.step() + ": " + s.thread() + " (pid " + s.pid() + ") " + s.statement()
                        + (s.free() >= 0 ? ", " + s.free() + " pages free" : "")
                        + (s.note() == null || s.note().isEmpty() ? "" : ": " + s.note());
                j.beginObject().name("id").value(s.step())
                        .name("message").beginObject().name("text").value(msg).endObject();
                Matcher m = TRACE_LOCATION.matcher(s.location() == null ? "" : s.location());
                if (m.matches()) {
                    j.name("physicalLocation").beginObject();
                    artifact(j, traceFile(r.file(), m.group(1)));
                    j.name("region").beginObject().name("startLine").value(Integer.parseInt(m.group(2))).endObject();
                    j.endObject();
                }
                j.endObject();
            }
            j.endArray();
        }
        j.name("partialFingerprints").beginObject().name(FINGERPRINT)
                .value(SIM_RULE + "|" + r.system() + "|" + FindingKey.hash(r.expect() == null ? "" : r.expect()))
                .endObject();
        j.name("properties").beginObject().name("expect").value(r.expect()).name("verdict").value(verdict);
        if (f != null) {
            j.name("deadlockKind").value(f.kind()).name("foundBy").value(f.by()).name("replay").value(replays.schedule(r));
        } else {
            j.name("bound").value(r.bound());
        }
        j.endObject();
        j.endObject();
    }

    /** Trace locations name the file by its base name; an imported file lies relative to the simulated one. */
    private static String traceFile(String simulated, String name) {
        Path p = Path.of(simulated);
        if (p.getFileName() != null && p.getFileName().toString().equals(name)) {
            return simulated;
        }
        Path parent = p.getParent();
        return parent == null ? name : parent.resolve(name).toString();
    }

    // ------------------------------------------------------------------ shared

    private static Json begin() {
        Json j = new Json().beginObject();
        j.name("$schema").value(SCHEMA);
        j.name("version").value("2.1.0");
        j.name("runs").beginArray().beginObject();
        j.name("tool").beginObject().name("driver").beginObject();
        j.name("name").value("reclaimc");
        j.name("semanticVersion").value(version());
        return j;
    }

    private static String end(Json j) {
        j.endObject().endArray();
        return j.endObject() + "\n";
    }

    private static void rule(Json j, String id, String title, String rationale, String level, boolean waivable,
                             String anchor) {
        j.beginObject();
        j.name("id").value(id);
        j.name("name").value(pascal(id));
        j.name("shortDescription").beginObject().name("text").value(title).endObject();
        j.name("fullDescription").beginObject().name("text").value(rationale).endObject();
        j.name("help").beginObject().name("text").value(rationale + " See docs/RULES.md#" + anchor + ".")
                .name("markdown").value(rationale + "\n\nSee [docs/RULES.md](docs/RULES.md#" + anchor + ").")
                .endObject();
        j.name("defaultConfiguration").beginObject().name("level").value(level).endObject();
        j.name("properties").beginObject().name("waivable").value(waivable).endObject();
        j.endObject();
    }

    private static String anchor(String ruleId) {
        return ruleId;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    private static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    private static String lastSegment(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    private static void physical(Json j, SourcePos p) {
        j.beginObject();
        artifact(j, p.file());
        if (p.line() >= 1) {
            j.name("region").beginObject().name("startLine").value(p.line());
            if (p.column() >= 1) {
                j.name("startColumn").value(p.column());
            }
            if (p.endLine() >= p.line()) {
                j.name("endLine").value(p.endLine());
                if (p.column() >= 1 && p.endColumn() >= 1) {
                    j.name("endColumn").value(p.endColumn());
                }
            }
            j.endObject();
        }
        j.endObject();
    }

    private static void artifact(Json j, String file) {
        j.name("artifactLocation").beginObject();
        String f = file.replace('\\', '/');
        if (f.startsWith("/")) {
            j.name("uri").value("file://" + encode(f));
        } else {
            j.name("uri").value(encode(f)).name("uriBaseId").value(SRCROOT);
        }
        j.endObject();
    }

    /** Percent-encodes every byte outside RFC 3986's unreserved set and '/'. */
    static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
