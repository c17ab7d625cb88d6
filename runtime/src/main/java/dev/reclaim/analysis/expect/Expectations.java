package dev.reclaim.analysis.expect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.reclaim.analysis.Checker;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.findings.Suggestions;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.SystemModel.Waiver;

/**
 * Applies a system's {@code allow} waivers and {@code expect findings} to the findings of its
 * analyses (LANGUAGE.md §2).
 *
 * <p>A waiver waives the findings of its rule whose declaration is the waiver's declaration, or
 * every finding of its rule in the system when it stands at the start of the system (its
 * declaration path is the system's name). Only waivable rules can be waived. {@code expect
 * findings} is compared with the rule ids of the findings left after waivers; the findings this
 * class adds itself are not part of that comparison, and rule ids the expectation cannot know are
 * reported as {@code invalid} and left out of it. Findings of other systems pass through active.
 */
public final class Expectations {
    /** Rules about the expectations themselves: listing them in {@code expect findings} is circular. */
    private static final Set<Rule> NOT_EXPECTABLE = Set.of(Rule.EXPECT_FINDINGS, Rule.UNUSED_WAIVER);
    private static final List<String> RULE_IDS = Arrays.stream(Rule.values()).map(Rule::id).toList();

    private final SystemModel sys;
    private final List<Finding> added = new ArrayList<>();

    private Expectations(SystemModel sys) {
        this.sys = sys;
    }

    public static Outcome apply(SystemModel sys, List<Finding> findings) {
        return new Expectations(sys).run(findings);
    }

    /** The same judgement in the shape {@link Checker} returns. */
    public static Checker.Result judge(SystemModel sys, List<Finding> findings) {
        Outcome o = apply(sys, findings);
        Map<Finding, Waiver> waivedBy = new IdentityHashMap<>();
        o.waived().forEach(w -> waivedBy.put(w.finding(), w.waiver()));
        Map<Finding, Boolean> expected = new IdentityHashMap<>();
        o.active().forEach(r -> expected.put(r.finding(), r.expected()));
        List<Checker.Judged> out = new ArrayList<>();
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.addAll(o.added());
        for (Finding f : ordered) {
            Waiver w = waivedBy.get(f);
            if (w != null) {
                out.add(new Checker.Judged(f, Checker.Status.WAIVED, "allow \"" + w.ruleId() + "\" \"" + w.reason()
                        + "\" at line " + w.pos().line()));
            } else if (Boolean.TRUE.equals(expected.get(f))) {
                out.add(new Checker.Judged(f, Checker.Status.EXPECTED, "expect findings at line "
                        + sys.expectFindings().pos().line()));
            } else {
                out.add(new Checker.Judged(f, Checker.Status.ACTIVE, null));
            }
        }
        return new Checker.Result(sys, out);
    }

    private Outcome run(List<Finding> findings) {
        List<Waiver> valid = validWaivers();
        Map<Waiver, Integer> uses = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>();
        List<Outcome.Waived> waived = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Waiver> w = ours(f) && f.rule().waivable()
                    ? valid.stream().filter(v -> covers(v, f)).findFirst() : Optional.empty();
            if (w.isPresent()) {
                waived.add(new Outcome.Waived(f, w.get()));
                uses.merge(w.get(), 1, Integer::sum);
            } else {
                kept.add(f);
            }
        }
        for (Waiver v : valid) {
            if (!uses.containsKey(v)) {
                add(Rule.UNUSED_WAIVER, "allow \"" + v.ruleId() + "\" waives nothing on " + label(v.declPath()),
                        v.pos(), v.declPath());
            }
        }
        boolean matched = compare(kept);
        List<Outcome.Reported> active = new ArrayList<>();
        for (Finding f : kept) {
            active.add(new Outcome.Reported(f, matched && ours(f)));
        }
        for (Finding f : added) {
            active.add(new Outcome.Reported(f, false));
        }
        return new Outcome(active, waived, added);
    }

    /** Waivers with a known, waivable rule and a reason; the others are reported {@code invalid}. */
    private List<Waiver> validWaivers() {
        List<Waiver> valid = new ArrayList<>();
        for (Waiver w : sys.waivers()) {
            Optional<Rule> rule = Rule.byId(w.ruleId());
            if (rule.isEmpty()) {
                add(Rule.INVALID, unknownRule(w.ruleId()), w.pos(), w.declPath());
            } else if (!rule.get().waivable()) {
                add(Rule.INVALID, "'" + w.ruleId() + "' cannot be waived: structural and expectation findings must be "
                        + "fixed", w.pos(), w.declPath());
            } else if (w.reason() == null || w.reason().isBlank()) {
                add(Rule.INVALID, "allow \"" + w.ruleId() + "\" needs a reason", w.pos(), w.declPath());
            } else {
                valid.add(w);
            }
        }
        return valid;
    }

    private boolean covers(Waiver w, Finding f) {
        return w.ruleId().equals(f.ruleId())
                && (w.declPath().equals(sys.name()) || w.declPath().equals(f.declaration()));
    }

    /** Whether the findings left after waivers match {@code expect findings}; reports when not. */
    private boolean compare(List<Finding> kept) {
        SystemModel.ExpectFindings ef = sys.expectFindings();
        if (ef == null) {
            return false;
        }
        Set<String> expected = new TreeSet<>();
        for (String id : new TreeSet<>(ef.ruleIds())) {
            Optional<Rule> rule = Rule.byId(id);
            if (rule.isEmpty()) {
                add(Rule.INVALID, unknownRule(id), ef.pos(), sys.name());
            } else if (NOT_EXPECTABLE.contains(rule.get())) {
                add(Rule.INVALID, "'" + id + "' cannot be expected: it reports on the expectations themselves",
                        ef.pos(), sys.name());
            } else {
                expected.add(id);
            }
        }
        Map<String, Integer> actual = new TreeMap<>();
        for (Finding f : kept) {
            if (ours(f)) {
                actual.merge(f.ruleId(), 1, Integer::sum);
            }
        }
        List<String> missing = expected.stream().filter(id -> !actual.containsKey(id)).map(id -> "\"" + id + "\"")
                .toList();
        List<String> unexpected = actual.entrySet().stream().filter(e -> !expected.contains(e.getKey()))
                .map(e -> "\"" + e.getKey() + "\"" + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "")).toList();
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return true;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + String.join(", ", unexpected));
        }
        add(Rule.EXPECT_FINDINGS, "expected findings differ: " + String.join("; ", parts), ef.pos(), sys.name());
        return false;
    }

    private boolean ours(Finding f) {
        return sys.name().equals(f.system());
    }

    /** "thread loop0_worker" for "sys/thread loop0_worker"; "system sys" for the system itself. */
    private String label(String declPath) {
        if (declPath.equals(sys.name())) {
            return "system " + sys.name();
        }
        String prefix = sys.name() + "/";
        return declPath.startsWith(prefix) ? declPath.substring(prefix.length()) : declPath;
    }

    private void add(Rule rule, String message, SourcePos pos, String declaration) {
        added.add(new Finding(rule, message, pos, List.of(), declaration, sys.name()));
    }

    static String unknownRule(String id) {
        return "unknown rule id '" + id + "'" + Suggestions.nearest(id, RULE_IDS).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
