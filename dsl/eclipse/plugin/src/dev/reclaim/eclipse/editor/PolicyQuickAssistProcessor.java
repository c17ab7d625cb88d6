package dev.reclaim.eclipse.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.dsl.ide.quickfix.Fix;
import dev.reclaim.dsl.ide.quickfix.PolicyFixes;
import dev.reclaim.eclipse.ReclaimPlugin;
import dev.reclaim.eclipse.markers.PolicyMarkers;

/** Ctrl+1 on a finding: the ide module's fixes for its rule id, applied to the document. */
public final class PolicyQuickAssistProcessor implements IQuickAssistProcessor {
    private final ReclaimEditor editor;

    PolicyQuickAssistProcessor(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        return fixesAt(context.getOffset()).toArray(ICompletionProposal[]::new);
    }

    /** Proposals for every finding whose range holds {@code offset}. */
    public List<ICompletionProposal> fixesAt(int offset) {
        List<ICompletionProposal> proposals = new ArrayList<>();
        var policy = editor.policy();
        if (policy == null) {
            return proposals;
        }
        List<Issue> issues = policy.findings();
        var resource = policy.snapshot().resource();
        PolicyFixes fixes = ReclaimPlugin.injector().getInstance(PolicyFixes.class);
        for (Issue issue : issues) {
            if (issue.getOffset() <= offset && offset <= issue.getOffset() + issue.getLength()) {
                for (Fix fix : fixes.fixes(resource, issue, issues)) {
                    if (proposals.stream().noneMatch(p -> p.getDisplayString().equals(fix.title()))) {
                        proposals.add(new FixProposal(fix));
                    }
                }
            }
        }
        return proposals;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation marker
                && marker.getMarker().getAttribute(PolicyMarkers.RULE_ID, null) != null;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
        return false;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    /** Applies a fix's replacements, last first, so earlier offsets stay valid. */
    private static final class FixProposal implements ICompletionProposal {
        private final Fix fix;

        FixProposal(Fix fix) {
            this.fix = fix;
        }

        @Override
        public void apply(IDocument document) {
            try {
                for (Fix.Replacement r : fix.replacements().stream()
                        .sorted((a, b) -> Integer.compare(b.offset(), a.offset())).toList()) {
                    document.replace(r.offset(), r.length(), r.text());
                }
            } catch (BadLocationException e) {
                throw new IllegalStateException("fix " + fix.title() + " no longer applies", e);
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return fix.ruleId() + ": " + fix.title();
        }

        @Override
        public String getDisplayString() {
            return fix.title();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
