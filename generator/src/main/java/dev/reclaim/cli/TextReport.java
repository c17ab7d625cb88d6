package dev.reclaim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.model.SourcePos;

/**
 * Compiler-style diagnostics: {@code error[rule]: message}, the location, the source line with a
 * caret underline, then the steps of the chain and what covers the finding.
 */
final class TextReport {
    private final Map<String, List<String>> sources = new HashMap<>();
    private final boolean verbose;

    TextReport(boolean verbose) {
        this.verbose = verbose;
    }

    String render(List<FileReport> reports) {
        StringBuilder out = new StringBuilder();
        for (FileReport report : reports) {
            for (Reported r : report.findings()) {
                if ((r.status() == Reported.Status.WAIVED || r.status() == Reported.Status.BASELINED) && !verbose) {
                    continue;
                }
                finding(out, r);
            }
        }
        out.append(Summary.of(reports).line()).append('\n');
        return out.toString();
    }

    private void finding(StringBuilder out, Reported r) {
        Finding f = r.finding();
        out.append(f.severity().label()).append('[').append(f.ruleId()).append("]: ").append(f.message()).append('\n');
        SourcePos p = f.pos();
        out.append("  --> ").append(p).append('\n');
        String line = sourceLine(p.file(), p.line());
        if (line != null) {
            String num = Integer.toString(p.line());
            String pad = " ".repeat(num.length());
            out.append(pad).append(" |\n");
            out.append(num).append(" | ").append(line).append('\n');
            out.append(pad).append(" | ").append(caret(line, p)).append('\n');
        }
        for (Related rel : f.related()) {
            out.append("   = ").append(rel.message()).append(" (").append(rel.pos()).append(")\n");
        }
        if (r.note() != null) {
            out.append("   = ").append(r.note()).append('\n');
        }
        out.append('\n');
    }

    /** Carets under the span on its first line; tabs are copied so the carets line up. */
    private static String caret(String line, SourcePos p) {
        int start = Math.max(p.column() - 1, 0);
        int end = p.endLine() == p.line() ? Math.max(p.endColumn() - 1, start + 1) : line.length();
        end = Math.min(Math.max(end, start + 1), Math.max(line.length(), start + 1));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < start; i++) {
            b.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        b.append("^".repeat(end - start));
        return b.toString();
    }

    private String sourceLine(String file, int line) {
        List<String> lines = sources.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(Path.of(f), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }
}
