package dev.reclaim.eclipse.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.eclipse.ReclaimPlugin;

/**
 * On a finding: its rule id, message and the rule's rationale. Elsewhere: the ide hover, which
 * shows the declaration's doc comment.
 */
final class PolicyTextHover implements ITextHover {
    private final ReclaimEditor editor;

    PolicyTextHover(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        return hoverAt(region.getOffset());
    }

    /** The hover text at {@code offset}, or null. */
    String hoverAt(int offset) {
        StringBuilder text = new StringBuilder();
        for (Issue issue : editor.lastFindings()) {
            if (issue.getOffset() <= offset && offset < issue.getOffset() + issue.getLength()) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(issue.getCode()).append(": ").append(issue.getMessage());
                if (issue.getData() != null && issue.getData().length == 2) {
                    text.append("\nWhy: ").append(issue.getData()[1]);
                }
            }
        }
        if (text.length() > 0) {
            return text.toString();
        }
        var policy = editor.policy();
        if (policy == null) {
            return null;
        }
        var snapshot = policy.snapshot();
        var document = snapshot.ideDocument();
        var hover = ReclaimPlugin.injector().getInstance(IHoverService.class).hover(document, snapshot.resource(),
                new HoverParams(new TextDocumentIdentifier(policy.uri().toString()), document.getPosition(offset)),
                CancelIndicator.NullImpl);
        if (hover == null || hover.getContents() == null || !hover.getContents().isRight()) {
            return null;
        }
        String value = hover.getContents().getRight().getValue();
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }
}
