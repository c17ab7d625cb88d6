package dev.reclaim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SystemModel;
import dev.reclaim.sim.SimResult;

/**
 * {@code --format junit}: JUnit XML ({@code testsuites/testsuite/testcase/failure}) for CI test
 * reports. {@code check}: one test suite per file; per system one test case per rule id of the
 * rule set ({@code classname} = the system, {@code name} = the rule id), failing when the system
 * has an active finding of that rule; then one test case per rule with active findings outside
 * every system ({@code classname} = the file). {@code simulate}: one test case per system verdict.
 * Expected, waived and baselined findings pass and are listed in {@code system-out}. No times or
 * host names: the bytes depend only on the input. Every string is XML-escaped; characters XML 1.0
 * cannot carry become U+FFFD.
 */
final class JUnitReport {
    private final StringBuilder out = new StringBuilder();

    // ------------------------------------------------------------------ check

    String render(List<FileReport> reports) {
        List<Suite> suites = new ArrayList<>();
        for (FileReport r : reports) {
            Suite suite = new Suite("reclaimc check " + r.file());
            Map<String, List<Reported>> bySystem = new LinkedHashMap<>();
            for (SystemModel s : r.systems()) {
                bySystem.put(s.name(), new ArrayList<>());
            }
            Map<Rule, List<Reported>> fileLevel = new LinkedHashMap<>();
            for (Reported rep : r.findings()) {
                String sys = rep.finding().system();
                if (sys != null && bySystem.containsKey(sys)) {
                    bySystem.get(sys).add(rep);
                } else {
                    fileLevel.computeIfAbsent(rep.finding().rule(), k -> new ArrayList<>()).add(rep);
                }
            }
            bySystem.forEach((sys, findings) -> {
                for (Rule rule : Rule.values()) {
                    suite.cases.add(ruleCase(sys, rule, findings.stream().filter(f -> f.finding().rule() == rule).toList()));
                }
            });
            for (Rule rule : Rule.values()) {
                List<Reported> fs = fileLevel.get(rule);
                if (fs != null) {
                    suite.cases.add(ruleCase(r.file(), rule, fs));
                }
            }
            suites.add(suite);
        }
        return write("reclaimc check", suites);
    }

    private static Case ruleCase(String classname, Rule rule, List<Reported> findings) {
        Case c = new Case(classname, rule.id());
        List<Reported> active = findings.stream().filter(f -> f.status() == Reported.Status.ACTIVE).toList();
        if (!active.isEmpty()) {
            c.failureType = active.get(0).finding().severity().label();
            c.failureMessage = active.size() == 1 ? active.get(0).finding().message()
                    : active.size() + " " + rule.id() + " findings: " + active.get(0).finding().message() + " ...";
            StringBuilder b = new StringBuilder();
            for (Reported rep : active) {
                describe(b, rep.finding());
            }
            b.append("why: ").append(rule.rationale()).append('\n');
            c.failureText = b.toString();
        }
        StringBuilder covered = new StringBuilder();
        for (Reported rep : findings) {
            if (rep.status() != Reported.Status.ACTIVE) {
                covered.append(rep.status().name().toLowerCase(java.util.Locale.ROOT)).append(" (").append(rep.note())
                        .append("): ");
                describe(covered, rep.finding());
            }
        }
        c.systemOut = covered.length() == 0 ? null : covered.toString();
        return c;
    }

    private static void describe(StringBuilder b, Finding f) {
        b.append(f.severity().label()).append('[').append(f.ruleId()).append("]: ").append(f.message()).append('\n');
        b.append("  --> ").append(f.pos()).append('\n');
        for (Related rel : f.related()) {
            b.append("   = ").append(rel.message()).append(" (").append(rel.pos()).append(")\n");
        }
    }

    // ------------------------------------------------------------------ simulate

    String renderSimulation(String file, List<SimResult> results, SimulateCommand.Replays replays) {
        Suite suite = new Suite("reclaimc simulate " + file);
        for (SimResult r : results) {
            Case c = new Case(r.system(), "verdict");
            String verdict = SimTextReport.verdict(r);
            SimResult.Found f = r.found();
            StringBuilder detail = new StringBuilder();
            detail.append("verdict: ").append(verdict).append('\n');
            detail.append("expect: ").append(r.expect() == null ? "(none)" : r.expect()).append('\n');
            detail.append("bound: ").append(r.bound()).append('\n');
            if (f != null) {
                detail.append("deadlock (").append(f.kind()).append("): ").append(f.summary()).append('\n');
                detail.append("replay: ").append(replays.schedule(r)).append('\n');
                for (SimResult.TraceStep s : f.trace()) {
                    detail.append(String.format(java.util.Locale.ROOT, "  %4d pid %d %s: %s (%s)%s\n", s.step(), s.pid(), s.thread(),
                            s.statement(), s.location(), s.note() == null || s.note().isEmpty() ? "" : " " + s.note()));
                }
            }
            if (Boolean.FALSE.equals(r.met())) {
                c.failureType = "verdict";
                c.failureMessage = verdict + " but expected " + r.expect();
                c.failureText = detail.toString();
            } else {
                c.systemOut = detail.toString();
            }
            suite.cases.add(c);
        }
        return write("reclaimc simulate", List.of(suite));
    }

    // ------------------------------------------------------------------ XML

    private static final class Suite {
        final String name;
        final List<Case> cases = new ArrayList<>();

        Suite(String name) {
            this.name = name;
        }

        long failures() {
            return cases.stream().filter(c -> c.failureMessage != null).count();
        }
    }

    private static final class Case {
        final String classname;
        final String name;
        String failureType;
        String failureMessage;
        String failureText;
        String systemOut;

        Case(String classname, String name) {
            this.classname = classname;
            this.name = name;
        }
    }

    private String write(String name, List<Suite> suites) {
        long tests = suites.stream().mapToLong(s -> s.cases.size()).sum();
        long failures = suites.stream().mapToLong(Suite::failures).sum();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"").append(escape(name)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        for (Suite s : suites) {
            out.append("  <testsuite name=\"").append(escape(s.name)).append("\" tests=\"").append(s.cases.size())
                    .append("\" failures=\"").append(s.failures()).append("\" errors=\"0\" skipped=\"0\" time=\"0\"");
            if (s.cases.isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (Case c : s.cases) {
                out.append("    <testcase classname=\"").append(escape(c.classname)).append("\" name=\"")
                        .append(escape(c.name)).append("\" time=\"0\"");
                if (c.failureMessage == null && c.systemOut == null) {
                    out.append("/>\n");
                    continue;
                }
                out.append(">\n");
                if (c.failureMessage != null) {
                    out.append("      <failure type=\"").append(escape(c.failureType)).append("\" message=\"")
                            .append(escape(c.failureMessage)).append("\">").append(text(c.failureText))
                            .append("</failure>\n");
                }
                if (c.systemOut != null) {
                    out.append("      <system-out>").append(text(c.systemOut)).append("</system-out>\n");
                }
                out.append("    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
        return out.toString();
    }

    /** Element content: like {@link #escape} but newlines and tabs stay as they are. */
    static String text(String s) {
        return escape(s).replace("&#10;", "\n").replace("&#9;", "\t");
    }

    /** Escapes for attribute values (and text): markup characters, newlines as {@code &#10;}. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
