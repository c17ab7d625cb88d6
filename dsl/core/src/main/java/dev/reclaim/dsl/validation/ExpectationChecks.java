package dev.reclaim.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Rule;

/** What the policy says of its own findings: {@code expect findings} and {@code allow}. */
public class ExpectationChecks extends FindingMarkers {
    @Check(CheckType.FAST)
    public void expectFindings(Model m) {
        report(m, Rule.EXPECT_FINDINGS);
    }

    @Check(CheckType.FAST)
    public void unusedWaiver(Model m) {
        report(m, Rule.UNUSED_WAIVER);
    }
}
