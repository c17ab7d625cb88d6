package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.SystemModel;

/**
 * The reclaim analyses of LANGUAGE.md §3: {@code reclaim-recursion}, {@code reclaim-cycle},
 * {@code layering}, {@code gate-unsound}, {@code upward-gate} and {@code io-path-context}.
 *
 * <p>Every thread and workqueue body is walked once ({@link ThreadWalker}); what reclaim may wait
 * on is summarised once per distinct reclaim context ({@link SourceSummary}); each rule then joins
 * the two through indexes, so a system with tens of thousands of threads and instances is checked
 * in time linear in its size (plus the findings). The model is assumed to have passed the
 * structural checks, but nothing here relies on it: unknown names resolve to nothing, recursive
 * calls and {@code on}/{@code below} cycles are cut, and every search is bounded.
 *
 * <p>Findings come in a stable order: by the declaration they are declared on (source order),
 * then by rule, then as each rule produced them.
 */
public final class ReclaimAnalysis {
    private ReclaimAnalysis() {
    }

    public static List<Finding> check(SystemModel sys) {
        Facts facts = new Facts(sys);
        ThreadWalker.Walks walks = ThreadWalker.walk(facts);
        SourceSummary sources = new SourceSummary(facts);
        FindingSink sink = new FindingSink(facts);
        RecursionRule.check(facts, walks, sources, sink);
        CycleRule.check(facts, walks, sources, sink);
        LayeringRules.check(facts, walks, sources, sink);
        UpwardGateRule.check(facts, sink);
        IoPathContextRule.check(facts, walks, sink);
        return sink.sorted();
    }
}
