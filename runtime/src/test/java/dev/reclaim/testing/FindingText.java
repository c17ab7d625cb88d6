package dev.reclaim.testing;

import java.util.List;

import dev.reclaim.findings.Finding;

/** Findings as one-line strings, so tests assert rule, line and exact message at once. */
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
}
