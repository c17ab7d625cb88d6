package dev.reclaim.eclipse.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.reclaim.dsl.ide.quickfix.Fix;
import dev.reclaim.eclipse.fixes.DocumentFixes;
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
        var policy = editor.policy();
        if (policy == null) {
            return List.of();
        }
        return DocumentFixes.at(policy, offset).stream().<ICompletionProposal>map(FixProposal::new).toList();
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
            DocumentFixes.apply(fix, document);
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
