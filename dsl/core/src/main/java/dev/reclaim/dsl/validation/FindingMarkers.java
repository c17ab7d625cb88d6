package dev.reclaim.dsl.validation;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;

import com.google.inject.Inject;

import dev.reclaim.dsl.compile.FileAnalysis;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.LineIndex;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SourcePos;

/**
 * Turns the findings of one rule into editor markers. Issue code = rule id; issue data =
 * [declaration path, rationale], so quick fixes and hovers key on them. Waived findings get no
 * marker; parser and linker errors are already markers of their own.
 */
abstract class FindingMarkers extends AbstractDeclarativeValidator {

    @Inject
    private FileAnalysis analysis;

    @Override
    public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
        // Composed into ReclaimValidator; registering here too would report every marker twice.
    }

    protected void report(Model model, Rule rule) {
        if (model.eResource() == null) {
            return;
        }
        FileReport report = analysis.analyse(model.eResource());
        LineIndex lines = null;
        for (Reported r : report.findings()) {
            Finding f = r.finding();
            if (f.rule() != rule || r.status() == Reported.Status.WAIVED || !f.pos().file().equals(report.file())) {
                continue;
            }
            if (lines == null) {
                lines = new LineIndex(org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(model).getRootNode()
                        .getText());
            }
            SourcePos p = f.pos();
            int start = lines.offset(p.line(), p.column());
            int end = Math.max(lines.offset(p.endLine(), p.endColumn()), start + 1);
            ValidationMessageAcceptor acceptor = getMessageAcceptor();
            String[] data = {f.declaration() == null ? "" : f.declaration(), rule.rationale()};
            switch (f.severity()) {
                case ERROR -> acceptor.acceptError(f.message(), model, start, end - start, rule.id(), data);
                case WARNING -> acceptor.acceptWarning(f.message(), model, start, end - start, rule.id(), data);
                case NOTE -> acceptor.acceptInfo(f.message(), model, start, end - start, rule.id(), data);
            }
        }
    }
}
