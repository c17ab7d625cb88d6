package dev.reclaim.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Rule;

/** Structural errors beyond what the parser and the linker report themselves. */
public class StructureChecks extends FindingMarkers {
    @Check(CheckType.FAST)
    public void duplicateName(Model m) {
        report(m, Rule.DUPLICATE_NAME);
    }

    @Check(CheckType.FAST)
    public void imports(Model m) {
        report(m, Rule.IMPORT);
    }

    @Check(CheckType.FAST)
    public void layerCycle(Model m) {
        report(m, Rule.LAYER_CYCLE);
    }

    @Check(CheckType.FAST)
    public void instanceCycle(Model m) {
        report(m, Rule.INSTANCE_CYCLE);
    }

    @Check(CheckType.FAST)
    public void contextCycle(Model m) {
        report(m, Rule.CONTEXT_CYCLE);
    }

    @Check(CheckType.FAST)
    public void servesMismatch(Model m) {
        report(m, Rule.SERVES_MISMATCH);
    }

    @Check(CheckType.FAST)
    public void stopOutsideShrinker(Model m) {
        report(m, Rule.STOP_OUTSIDE_SHRINKER);
    }

    @Check(CheckType.FAST)
    public void memory(Model m) {
        report(m, Rule.MEMORY);
    }

    @Check(CheckType.FAST)
    public void noDirect(Model m) {
        report(m, Rule.NO_DIRECT);
    }

    @Check(CheckType.FAST)
    public void invalid(Model m) {
        report(m, Rule.INVALID);
    }
}
