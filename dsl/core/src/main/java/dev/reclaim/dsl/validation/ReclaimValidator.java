package dev.reclaim.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's validator: one composed validator per concern, one {@code @Check} per rule id.
 * All of them read the same cached {@link dev.reclaim.dsl.compile.FileAnalysis}, so the editor
 * shows exactly what {@code reclaimc check} prints.
 */
@ComposedChecks(validators = { ReclaimRuleChecks.class, StructureChecks.class, ExpectationChecks.class })
public class ReclaimValidator extends AbstractReclaimValidator {
}
