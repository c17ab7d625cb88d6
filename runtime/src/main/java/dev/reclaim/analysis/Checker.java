package dev.reclaim.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * The static checker's entry point: every analysis of a system, then its expectations and
 * waivers. Front ends (CLI, editor, generated tests) call only this.
 */
public final class Checker {
    private Checker() {
    }

    public enum Status { ACTIVE, EXPECTED, WAIVED }

    /** A finding with what the policy says of it; {@code note} names the covering waiver or expectation. */
    public record Judged(Finding finding, Status status, String note) {
    }

    public record Result(SystemModel system, List<Judged> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /** Findings on the vocabulary alone (the layer order). */
    public static List<Finding> checkVocabulary(Vocabulary vocab, String policy) {
        return new ArrayList<>(dev.reclaim.analysis.structure.VocabularyChecks.check(vocab, policy));
    }

    /** Every finding of the system, in the analyses' order, before expectations and waivers. */
    public static List<Finding> analyse(SystemModel system) {
        List<Finding> all = new ArrayList<>();
        all.addAll(dev.reclaim.analysis.structure.SystemStructure.check(system));
        all.addAll(dev.reclaim.analysis.discipline.Discipline.check(system));
        all.addAll(dev.reclaim.analysis.reclaim.ReclaimAnalysis.check(system));
        return all;
    }

    public static Result check(SystemModel system) {
        return dev.reclaim.analysis.expect.Expectations.judge(system, analyse(system));
    }
}
