package dev.reclaim.analysis.expect;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Severity;
import dev.reclaim.model.SystemModel.Waiver;

/**
 * What a system's policy says of its findings. {@code active} holds every finding still reported,
 * in input order, then the ones {@link Expectations} added (never expected); {@code waived} holds
 * the rest with the waiver that waived each; {@code added} repeats the added findings
 * ({@code unused-waiver}, {@code invalid}, {@code expect-findings}) for callers that want them alone.
 */
public record Outcome(List<Reported> active, List<Waived> waived, List<Finding> added) {

    /** {@code expected}: the system's {@code expect findings} matched exactly. */
    public record Reported(Finding finding, boolean expected) {}

    public record Waived(Finding finding, Waiver waiver) {}

    public Outcome {
        active = List.copyOf(active);
        waived = List.copyOf(waived);
        added = List.copyOf(added);
    }

    /** The errors that make {@code check} fail: active, and not covered by a matching expectation. */
    public List<Finding> failures() {
        return active.stream().filter(r -> !r.expected() && r.finding().severity() == Severity.ERROR)
                .map(Reported::finding).toList();
    }

    /** The process exit status a CLI returns: 0 without failures, 1 otherwise. */
    public int exitStatus() {
        return failures().isEmpty() ? 0 : 1;
    }

    /** Outcomes of several systems (and of the file's own findings) as one. */
    public static Outcome combine(List<Outcome> outcomes) {
        List<Reported> active = new ArrayList<>();
        List<Waived> waived = new ArrayList<>();
        List<Finding> added = new ArrayList<>();
        for (Outcome o : outcomes) {
            active.addAll(o.active());
            waived.addAll(o.waived());
            added.addAll(o.added());
        }
        return new Outcome(active, waived, added);
    }

    /** Findings outside every system (vocabulary, imports): all active, none expected or waivable. */
    public static Outcome unjudged(List<Finding> findings) {
        return new Outcome(findings.stream().map(f -> new Reported(f, false)).toList(), List.of(), List.of());
    }
}
