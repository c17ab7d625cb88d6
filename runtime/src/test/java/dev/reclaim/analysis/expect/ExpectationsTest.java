package dev.reclaim.analysis.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.analysis.Checker;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.TestSystems;

class ExpectationsTest {

    private static Finding finding(Rule rule, String decl, int line) {
        return new Finding(rule, rule.id() + " on " + decl, SourcePos.of(TestSystems.FILE, line, 1), List.of(),
                "s/" + decl, "s");
    }

    private static List<String> active(Outcome o) {
        return o.active().stream().map(r -> (r.expected() ? "expected " : "") + FindingText.of(r.finding())).toList();
    }

    private static final String STACK = """
            system s {
                block loop0 served by loop0_worker
                thread loop0_worker serves loop0 {
                    allow "layering" "the loop driver is fixed upstream"
                    allow "io-path-context" "checked by hand"
                }
                thread writer task { }
            }
            """;

    @Test
    void waiverOnADeclarationWaivesItsFindingsOfThatRuleOnly() {
        SystemModel sys = TestSystems.parse(STACK);
        Finding waived = finding(Rule.LAYERING, "thread loop0_worker", 3);
        Finding otherDecl = finding(Rule.LAYERING, "thread writer", 7);
        Finding otherRule = finding(Rule.RECLAIM_CYCLE, "thread loop0_worker", 3);
        Outcome o = Expectations.apply(sys, List.of(waived, otherDecl, otherRule));
        assertEquals(1, o.waived().size());
        assertSame(waived, o.waived().get(0).finding());
        assertEquals("the loop driver is fixed upstream", o.waived().get(0).waiver().reason());
        assertEquals(List.of(
                "layering:7: layering on thread writer",
                "reclaim-cycle:3: reclaim-cycle on thread loop0_worker",
                "unused-waiver:5: allow \"io-path-context\" waives nothing on thread loop0_worker"), active(o));
        assertEquals(List.of(Rule.UNUSED_WAIVER), o.added().stream().map(Finding::rule).toList());
        assertEquals("s/thread loop0_worker", o.added().get(0).declaration());
        assertEquals(2, o.failures().size());
        assertEquals(1, o.exitStatus());
    }

    @Test
    void waiverAtTheStartOfASystemWaivesTheRuleEverywhereInIt() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    allow "upward-gate" "known since 2014"
                    dm thin0
                }
                """);
        Finding a = finding(Rule.UPWARD_GATE, "shrinker bufio", 9);
        Finding b = finding(Rule.UPWARD_GATE, "shrinker other", 12);
        Finding elsewhere = new Finding(Rule.UPWARD_GATE, "x", SourcePos.UNKNOWN, List.of(), "t/shrinker x", "t");
        Outcome o = Expectations.apply(sys, List.of(a, b, elsewhere));
        assertEquals(List.of(a, b), o.waived().stream().map(Outcome.Waived::finding).toList());
        assertEquals(List.of(elsewhere), o.active().stream().map(Outcome.Reported::finding).toList());
        assertEquals(0, o.exitStatus());
    }

    @Test
    void unusedSystemWaiverAndStructuralRulesCannotBeWaived() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    allow "layering" "nothing to waive"
                    dm thin0
                    allow "duplicate-name" "wanted"
                    allow "layring" "typo"
                    allow "frobnicate" "nonsense"
                    allow "scope-widen" ""
                }
                """);
        Finding dup = finding(Rule.DUPLICATE_NAME, "instance thin0", 3);
        Outcome o = Expectations.apply(sys, List.of(dup));
        assertEquals(List.of(
                "duplicate-name:3: duplicate-name on instance thin0",
                "invalid:4: 'duplicate-name' cannot be waived: structural and expectation findings must be fixed",
                "invalid:5: unknown rule id 'layring' (did you mean 'layering'?)",
                "invalid:6: unknown rule id 'frobnicate'",
                "invalid:7: allow \"scope-widen\" needs a reason",
                "unused-waiver:2: allow \"layering\" waives nothing on system s"), active(o));
        assertEquals(List.of(), o.waived());
    }

    @Test
    void matchingExpectationMarksEveryActiveFindingExpected() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    expect findings "reclaim-recursion", "layering"
                    thread loop0_worker serves loop0 { allow "layering" "one of two" }
                    block loop0 served by loop0_worker
                }
                """);
        Outcome o = Expectations.apply(sys, List.of(
                finding(Rule.RECLAIM_RECURSION, "thread loop0_worker", 3),
                finding(Rule.LAYERING, "thread loop0_worker", 3),
                finding(Rule.LAYERING, "op direct_io", 9),
                finding(Rule.RECLAIM_RECURSION, "op direct_io", 9)));
        assertEquals(List.of(
                "expected reclaim-recursion:3: reclaim-recursion on thread loop0_worker",
                "expected layering:9: layering on op direct_io",
                "expected reclaim-recursion:9: reclaim-recursion on op direct_io"), active(o));
        assertEquals(List.of(), o.failures());
        assertEquals(0, o.exitStatus());
    }

    @Test
    void differingExpectationNamesMissingAndUnexpectedIds() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    expect findings "gate-unsound", "reclaim-cycle", "layring"
                }
                """);
        Outcome o = Expectations.apply(sys, List.of(
                finding(Rule.UPWARD_GATE, "shrinker a", 3),
                finding(Rule.RECLAIM_CYCLE, "thread t", 4),
                finding(Rule.UPWARD_GATE, "shrinker b", 5),
                finding(Rule.LAYERING, "thread t", 6)));
        assertEquals(List.of(
                "upward-gate:3: upward-gate on shrinker a",
                "reclaim-cycle:4: reclaim-cycle on thread t",
                "upward-gate:5: upward-gate on shrinker b",
                "layering:6: layering on thread t",
                "invalid:2: unknown rule id 'layring' (did you mean 'layering'?)",
                "expect-findings:2: expected findings differ: missing \"gate-unsound\"; unexpected \"layering\", "
                        + "\"upward-gate\" (2)"), active(o));
        assertEquals(List.of("s/shrinker a", "s"), List.of(o.active().get(0).finding().declaration(),
                o.added().get(1).declaration()));
        // layering and reclaim-cycle are errors not covered by a matching expectation
        assertEquals(List.of(Rule.RECLAIM_CYCLE, Rule.LAYERING, Rule.INVALID, Rule.EXPECT_FINDINGS),
                o.failures().stream().map(Finding::rule).toList());
    }

    @Test
    void expectingNoFindingsAndGettingNone() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    expect findings "io-path-context"
                }
                """);
        Outcome ok = Expectations.apply(sys, List.of(finding(Rule.IO_PATH_CONTEXT, "thread w", 5)));
        assertEquals(List.of("expected io-path-context:5: io-path-context on thread w"), active(ok));
        Outcome missing = Expectations.apply(sys, List.of());
        assertEquals(List.of("expect-findings:2: expected findings differ: missing \"io-path-context\""),
                active(missing));
        assertEquals(1, missing.exitStatus());
    }

    @Test
    void waivedFindingsDoNotCountTowardsTheExpectation() {
        SystemModel sys = TestSystems.parse("""
                system s {
                    expect findings "upward-gate", "expect-findings"
                    shrinker bufio in thin0 { allow "upward-gate" "reviewed" scan { } }
                }
                """);
        Outcome o = Expectations.apply(sys, List.of(finding(Rule.UPWARD_GATE, "shrinker bufio", 3)));
        assertEquals(List.of(
                "invalid:2: 'expect-findings' cannot be expected: it reports on the expectations themselves",
                "expect-findings:2: expected findings differ: missing \"upward-gate\""), active(o));
    }

    @Test
    void judgeGivesTheCheckerItsShape() {
        SystemModel sys = TestSystems.parse(STACK);
        Finding waived = finding(Rule.LAYERING, "thread loop0_worker", 3);
        Finding active = finding(Rule.SCOPE_WIDEN, "thread writer", 7);
        Checker.Result r = Expectations.judge(sys, List.of(waived, active));
        assertEquals(List.of(Checker.Status.WAIVED, Checker.Status.ACTIVE, Checker.Status.ACTIVE),
                r.findings().stream().map(Checker.Judged::status).toList());
        assertEquals("allow \"layering\" \"the loop driver is fixed upstream\" at line 4", r.findings().get(0).note());
        assertEquals(Rule.UNUSED_WAIVER, r.findings().get(2).finding().rule());
    }

    @Test
    void suggestionsAreForTyposOnly() {
        assertEquals("unknown rule id 'scope-handof' (did you mean 'scope-handoff'?)",
                Expectations.unknownRule("scope-handof"));
        assertEquals("unknown rule id 'deadlock'", Expectations.unknownRule("deadlock"));
    }
}
