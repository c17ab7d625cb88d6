package dev.reclaim.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.reclaim.findings.Finding;

/**
 * Findings as one-line strings, so tests assert rule, line and exact message at once; and by rule,
 * for tests that assert one rule's findings at a time.
 */
public final class FindingText {
    private FindingText() {
    }

    /** {@code "rule-id:LINE: message"} per finding, in order. */
    public static List<String> of(List<Finding> findings) {
        return findings.stream().map(FindingText::of).toList();
    }

    public static String of(Finding f) {
        return f.ruleId() + ":" + f.pos().line() + ": " + f.message();
    }

    /** The rule ids of the findings, in order of first appearance. */
    public static Set<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The messages of the findings of one rule, in order. */
    public static List<String> messages(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).map(Finding::message).toList();
    }

    /** The findings of one rule, in order. */
    public static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
