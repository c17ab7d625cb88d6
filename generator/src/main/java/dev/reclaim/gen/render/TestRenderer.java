package dev.reclaim.gen.render;

import java.util.List;
import java.util.TreeSet;

import dev.reclaim.gen.model.GenModel.PolicyUnit;
import dev.reclaim.gen.model.GenModel.SystemUnit;
import dev.reclaim.model.SystemModel;

/**
 * Prints the JUnit 5 class that asserts what a system declares: its {@code expect} verdict through
 * the simulator with the defaults {@code reclaimc simulate} uses (both modes), and its
 * {@code expect findings} through the checker (without one: no error, as {@code reclaimc check}
 * requires). A failure message carries the hung-task dump, or the findings in the user's words.
 */
final class TestRenderer {
    JavaFile render(PolicyUnit p, SystemUnit u) {
        SystemModel s = u.model();
        JavaText t = PolicyRenderer.start(p);
        t.line("import static org.junit.jupiter.api.Assertions.assertEquals;");
        t.line("");
        t.line("import java.util.List;");
        t.line("import java.util.Set;");
        t.line("import java.util.TreeSet;");
        t.line("");
        t.line("import org.junit.jupiter.api.Test;");
        t.line("");
        t.line("import dev.reclaim.analysis.Checker;");
        t.line("import dev.reclaim.findings.Severity;");
        t.line("import dev.reclaim.sim.HungTaskDump;");
        t.line("import dev.reclaim.sim.Progress;");
        t.line("import dev.reclaim.sim.SimResult;");
        t.line("import dev.reclaim.sim.Simulator;");
        t.line("");
        t.javadoc("What system " + JavaText.code(s.name()) + " of policy " + JavaText.code(p.policy())
                + " declares, asserted on {@link " + u.className() + "}.");
        t.line("class " + u.testClassName() + " {").in();
        // Explicit and documented: javac's doclint (JDK 21+) warns about a default constructor.
        t.javadoc("Created by the JUnit engine.");
        t.line(u.testClassName() + "() {").line("}");
        t.line("");
        if (s.expect() != null) {
            String verdict = s.expect().deadlock() ? "deadlock" : "no deadlock";
            t.javadoc("{@code expect " + verdict + "}: both simulation modes, with {@code reclaimc simulate}'s "
                    + "defaults.");
            t.line("@Test");
            t.line("void simulationVerdictIs" + (s.expect().deadlock() ? "Deadlock" : "NoDeadlock") + "() {").in();
            t.line("SimResult result = Simulator.simulate(" + u.className()
                    + ".build(), Simulator.Options.defaults(), Progress.NONE);");
            t.line("assertEquals(" + JavaText.literal(verdict)
                    + ", result.deadlock() ? \"deadlock\" : \"no deadlock\", () -> HungTaskDump.render(result));");
            t.out().line("}");
            t.line("");
        }
        if (s.expectFindings() != null) {
            List<String> ids = List.copyOf(new TreeSet<>(s.expectFindings().ruleIds()));
            t.javadoc("{@code expect findings}: the checker reports exactly these rules, nothing else active.");
            t.line("@Test");
            t.line("void staticFindingsAreTheExpectedOnes() {").in();
            t.line("Set<String> reported = new TreeSet<>();");
            t.line("StringBuilder active = new StringBuilder();");
            t.line("for (Checker.Judged j : Checker.check(" + u.className() + ".build()).findings()) {").in();
            t.line("if (j.status() != Checker.Status.WAIVED) {").in();
            t.line("reported.add(j.finding().ruleId());");
            t.out().line("}");
            appendActive(t);
            t.out().line("}");
            StringBuilder expected = new StringBuilder();
            for (String id : ids) {
                expected.append(expected.length() == 0 ? "" : ", ").append(JavaText.literal(id));
            }
            t.line("assertEquals(new TreeSet<>(List.of(" + expected + ")), reported, active::toString);");
            t.out().line("}");
        } else {
            t.javadoc("No {@code expect findings}: the checker reports no active error.");
            t.line("@Test");
            t.line("void staticChecksReportNoError() {").in();
            t.line("Set<String> errors = new TreeSet<>();");
            t.line("StringBuilder active = new StringBuilder();");
            t.line("for (Checker.Judged j : Checker.check(" + u.className() + ".build()).findings()) {").in();
            t.line("if (j.status() == Checker.Status.ACTIVE && j.finding().severity() == Severity.ERROR) {").in();
            t.line("errors.add(j.finding().ruleId());");
            t.out().line("}");
            appendActive(t);
            t.out().line("}");
            t.line("assertEquals(Set.of(), errors, active::toString);");
            t.out().line("}");
        }
        t.out().line("}");
        return new JavaFile(p.pkg(), u.testClassName(), true, t.toString());
    }

    /** Every active finding as {@code file:line:col: severity[rule]: message}, for the failure message. */
    private static void appendActive(JavaText t) {
        t.line("if (j.status() == Checker.Status.ACTIVE) {").in();
        t.line("active.append(j.finding().pos()).append(\": \").append(j.finding().severity())"
                + ".append('[').append(j.finding().ruleId()).append(\"]: \").append(j.finding().message())"
                + ".append('\\n');");
        t.out().line("}");
    }
}
