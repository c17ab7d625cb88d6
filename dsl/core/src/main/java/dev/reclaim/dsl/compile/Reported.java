package dev.reclaim.dsl.compile;

import dev.reclaim.findings.Finding;

/**
 * A finding as the user sees it: ACTIVE counts toward the exit status and markers; EXPECTED is
 * matched by its system's {@code expect findings}; WAIVED by an {@code allow} (shown with --verbose).
 * {@code note} says which expectation or waiver covers it. BASELINED is set only by the command
 * line's {@code --baseline}: an otherwise active finding listed in the baseline file (not counted).
 */
public record Reported(Finding finding, Status status, String note) {
    public enum Status { ACTIVE, EXPECTED, WAIVED, BASELINED }
}
