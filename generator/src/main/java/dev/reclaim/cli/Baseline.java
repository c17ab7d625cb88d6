package dev.reclaim.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.files.AtomicFiles;

/**
 * A baseline file ({@code reclaimc check --baseline FILE}): the active findings an existing stack
 * already had, so that CI fails only on new ones. Entries are keyed by {@link FindingKey} (rule id,
 * declaration path, hash of the message without positions) with a count, sorted by key; the
 * message is kept for the reader and ignored when matching. Format (version 1):
 *
 * <pre>
 * {"version": 1, "entries": [{"ruleId", "declaration", "hash", "count", "message"}...]}
 * </pre>
 */
final class Baseline {
    static final int VERSION = 1;

    /** Why a baseline file could not be used; the message is one line. */
    static final class BaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        BaselineException(String message) {
            super(message);
        }
    }

    record Entry(FindingKey key, int count, String message) {
    }

    /** The reports with baselined findings marked, and the baseline entries nothing matched any more. */
    record Applied(List<FileReport> reports, List<Entry> stale) {
    }

    private final Map<FindingKey, Entry> entries;

    private Baseline(Map<FindingKey, Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The baseline of the active findings in {@code reports}. */
    static Baseline of(List<FileReport> reports) {
        Map<FindingKey, Entry> m = new TreeMap<>();
        for (FileReport r : reports) {
            for (Reported rep : r.findings()) {
                if (rep.status() != Reported.Status.ACTIVE) {
                    continue;
                }
                FindingKey k = FindingKey.of(rep.finding());
                Entry e = m.get(k);
                m.put(k, new Entry(k, e == null ? 1 : e.count() + 1, e == null ? rep.finding().message() : e.message()));
            }
        }
        return new Baseline(m);
    }

    static Baseline read(Path file) throws BaselineException {
        String where = "cannot read baseline '" + file + "': ";
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new BaselineException(where + "it is a directory");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException(where + "no such file (create it with --update-baseline)");
        } catch (IOException e) {
            throw new BaselineException(where + oneLine(e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BaselineException(where + "it is not UTF-8 text");
        }
        Object root;
        try {
            root = JsonParser.parse(text);
        } catch (JsonParser.JsonException e) {
            throw new BaselineException(where + "not valid JSON: " + e.getMessage());
        }
        String bad = where + "not a reclaimc baseline: ";
        if (!(root instanceof Map<?, ?> obj)) {
            throw new BaselineException(bad + "the top level is not an object");
        }
        if (!Long.valueOf(VERSION).equals(obj.get("version"))) {
            throw new BaselineException(bad + "\"version\" must be " + VERSION);
        }
        if (!(obj.get("entries") instanceof List<?> list)) {
            throw new BaselineException(bad + "\"entries\" must be an array");
        }
        Map<FindingKey, Entry> m = new TreeMap<>();
        for (int n = 0; n < list.size(); n++) {
            String at = bad + "entries[" + n + "]";
            if (!(list.get(n) instanceof Map<?, ?> e)) {
                throw new BaselineException(at + " is not an object");
            }
            String rule = string(e, "ruleId", at);
            String decl = string(e, "declaration", at);
            String hash = string(e, "hash", at);
            if (!hash.matches("[0-9a-f]{16}")) {
                throw new BaselineException(at + ".hash must be 16 lowercase hex digits");
            }
            if (!(e.get("count") instanceof Long c) || c < 1 || c > Integer.MAX_VALUE) {
                throw new BaselineException(at + ".count must be a positive integer");
            }
            Object msg = e.get("message");
            if (msg != null && !(msg instanceof String)) {
                throw new BaselineException(at + ".message must be a string");
            }
            FindingKey k = new FindingKey(rule, decl, hash);
            if (m.containsKey(k)) {
                throw new BaselineException(at + " repeats an earlier entry");
            }
            m.put(k, new Entry(k, c.intValue(), (String) msg));
        }
        return new Baseline(m);
    }

    private static String string(Map<?, ?> e, String field, String at) throws BaselineException {
        if (!(e.get(field) instanceof String s)) {
            throw new BaselineException(at + "." + field + " must be a string");
        }
        return s;
    }

    private static String oneLine(String s) {
        return s == null ? "I/O error" : s.replaceAll("\\s+", " ");
    }

    /**
     * Marks each active finding that the baseline still has room for (per key, up to its count)
     * as BASELINED; entries with room left over are stale (the findings were fixed).
     */
    Applied apply(List<FileReport> reports, String file) {
        Map<FindingKey, Integer> left = new LinkedHashMap<>();
        entries.forEach((k, e) -> left.put(k, e.count()));
        List<FileReport> out = new ArrayList<>();
        for (FileReport r : reports) {
            List<Reported> findings = new ArrayList<>();
            for (Reported rep : r.findings()) {
                if (rep.status() == Reported.Status.ACTIVE) {
                    FindingKey k = FindingKey.of(rep.finding());
                    Integer n = left.get(k);
                    if (n != null && n > 0) {
                        left.put(k, n - 1);
                        findings.add(new Reported(rep.finding(), Reported.Status.BASELINED, "in baseline " + file));
                        continue;
                    }
                }
                findings.add(rep);
            }
            out.add(new FileReport(r.file(), findings, r.systems()));
        }
        List<Entry> stale = new ArrayList<>();
        left.forEach((k, n) -> {
            if (n > 0) {
                Entry e = entries.get(k);
                stale.add(new Entry(k, n, e.message()));
            }
        });
        return new Applied(out, stale);
    }

    String render() {
        Json j = new Json().beginObject();
        j.name("version").value(VERSION);
        j.name("entries").beginArray();
        for (Entry e : entries.values()) {
            j.beginObject().name("ruleId").value(e.key().ruleId()).name("declaration").value(e.key().declaration())
                    .name("hash").value(e.key().hash()).name("count").value(e.count()).name("message").value(e.message())
                    .endObject();
        }
        j.endArray();
        return j.endObject() + "\n";
    }

    /**
     * Writes the baseline to {@code file} atomically: a temporary file in the same directory, then
     * a move over the target. Nothing else is touched; the temporary file is removed on failure.
     */
    void write(Path file) throws BaselineException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            if (Files.isDirectory(abs)) {
                throw new BaselineException("cannot write baseline '" + file + "': it is a directory");
            }
            if (dir == null || !Files.isDirectory(dir)) {
                throw new BaselineException("cannot write baseline '" + file + "': no such directory");
            }
            AtomicFiles.replace(abs, render().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BaselineException("cannot write baseline '" + file + "': " + oneLine(e.getMessage()));
        }
    }
}
