package dev.reclaim.findings;

import java.util.List;

import dev.reclaim.model.SourcePos;

/**
 * The one finding model every consumer reads (CLI, editor markers, SARIF, baselines, quick fixes,
 * docs). {@code declaration} is the stable path of the declaration the finding belongs to
 * ({@code seed_2019_buggy/thread loop0_worker}), or the system or file when there is none.
 * {@code system} is null for findings outside every system.
 */
public record Finding(Rule rule, Severity severity, String message, SourcePos pos, List<Related> related,
                      String declaration, String system) {
    public Finding {
        related = List.copyOf(related);
    }

    public Finding(Rule rule, String message, SourcePos pos, List<Related> related, String declaration, String system) {
        this(rule, rule.severity(), message, pos, related, declaration, system);
    }

    public String ruleId() {
        return rule.id();
    }
}
