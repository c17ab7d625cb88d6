package dev.reclaim.eclipse.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.util.CancelIndicator;

import dev.reclaim.eclipse.ReclaimPlugin;

/** Content assist from the ide module's proposal provider: keywords and every cross-reference. */
public final class PolicyCompletionProcessor implements IContentAssistProcessor {
    private final ReclaimEditor editor;

    PolicyCompletionProcessor(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        var policy = editor.policy();
        if (policy == null) {
            return new ICompletionProposal[0];
        }
        var snapshot = policy.snapshot();
        Document document = snapshot.ideDocument();
        CompletionParams params = new CompletionParams(new TextDocumentIdentifier(policy.uri().toString()),
                document.getPosition(offset));
        var list = ReclaimPlugin.injector().getInstance(ContentAssistService.class)
                .createCompletionList(document, snapshot.resource(), params, CancelIndicator.NullImpl);
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (CompletionItem item : list.getItems()) {
            proposals.add(toProposal(item, document, offset));
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    private static ICompletionProposal toProposal(CompletionItem item, Document document, int offset) {
        String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        int start = offset;
        int length = 0;
        if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            TextEdit edit = item.getTextEdit().getLeft();
            text = edit.getNewText();
            start = document.getOffSet(edit.getRange().getStart());
            length = document.getOffSet(edit.getRange().getEnd()) - start;
        }
        String label = item.getDetail() == null || item.getDetail().isEmpty() ? item.getLabel()
                : item.getLabel() + " - " + item.getDetail();
        return new CompletionProposal(text, start, length, text.length(), null, label, null,
                item.getDocumentation() == null ? null : item.getDocumentation().map(s -> s, m -> m.getValue()));
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
