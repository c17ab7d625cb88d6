package dev.reclaim.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Rule;

/** The reclaim rules of LANGUAGE.md §3. */
public class ReclaimRuleChecks extends FindingMarkers {
    @Check(CheckType.FAST)
    public void reclaimRecursion(Model m) {
        report(m, Rule.RECLAIM_RECURSION);
    }

    @Check(CheckType.FAST)
    public void reclaimCycle(Model m) {
        report(m, Rule.RECLAIM_CYCLE);
    }

    @Check(CheckType.FAST)
    public void layering(Model m) {
        report(m, Rule.LAYERING);
    }

    @Check(CheckType.FAST)
    public void gateUnsound(Model m) {
        report(m, Rule.GATE_UNSOUND);
    }

    @Check(CheckType.FAST)
    public void upwardGate(Model m) {
        report(m, Rule.UPWARD_GATE);
    }

    @Check(CheckType.FAST)
    public void scopeHandoff(Model m) {
        report(m, Rule.SCOPE_HANDOFF);
    }

    @Check(CheckType.FAST)
    public void scopeWiden(Model m) {
        report(m, Rule.SCOPE_WIDEN);
    }

    @Check(CheckType.FAST)
    public void lockUnbalanced(Model m) {
        report(m, Rule.LOCK_UNBALANCED);
    }

    @Check(CheckType.FAST)
    public void mempoolDouble(Model m) {
        report(m, Rule.MEMPOOL_DOUBLE);
    }

    @Check(CheckType.FAST)
    public void ioPathContext(Model m) {
        report(m, Rule.IO_PATH_CONTEXT);
    }
}
