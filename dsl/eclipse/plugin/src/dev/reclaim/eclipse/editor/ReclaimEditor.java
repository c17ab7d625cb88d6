package dev.reclaim.eclipse.editor;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.eclipse.ReclaimPlugin;
import dev.reclaim.eclipse.model.PolicyDocument;
import dev.reclaim.eclipse.model.PolicyDocuments;
import dev.reclaim.eclipse.outline.PolicyOutlinePage;

/**
 * The .reclaim editor: the platform text editor, with the policy language's ide services for
 * colouring, markers, content assist, hover, outline, go to definition, formatting and quick fixes.
 */
public class ReclaimEditor extends TextEditor {
    public static final String ID = "dev.reclaim.eclipse.editor";
    public static final String FORMAT_COMMAND = "dev.reclaim.eclipse.format";
    public static final String OPEN_DECLARATION_COMMAND = "dev.reclaim.eclipse.openDeclaration";
    public static final String TOGGLE_COMMENT_COMMAND = "dev.reclaim.eclipse.toggleComment";
    /** Key bindings of this editor live in this context, a child of the text editor's. */
    public static final String SCOPE = "dev.reclaim.eclipse.editorScope";
    private static final String MATCHING_BRACKETS = "dev.reclaim.eclipse.matchingBrackets";
    private static final String MATCHING_BRACKETS_COLOR = "dev.reclaim.eclipse.matchingBracketsColor";

    static {
        IPreferenceStore store = EditorsUI.getPreferenceStore();
        store.setDefault(MATCHING_BRACKETS, true);
        PreferenceConverter.setDefault(store, MATCHING_BRACKETS_COLOR, new RGB(150, 150, 150));
    }

    private final ReclaimSourceViewerConfiguration configuration;
    private final PolicyBraceMatcher braces = new PolicyBraceMatcher();
    private final PolicyOccurrences occurrences = new PolicyOccurrences(this);
    private volatile List<Issue> lastFindings = List.of();
    private volatile boolean checked;
    private PolicyOutlinePage outline;

    public ReclaimEditor() {
        configuration = new ReclaimSourceViewerConfiguration(this);
        setSourceViewerConfiguration(configuration);
    }

    /** The parsed text of this editor, or null before an input is set. */
    public PolicyDocument policy() {
        if (getDocumentProvider() == null || getEditorInput() == null) {
            return null;
        }
        IDocument document = getDocumentProvider().getDocument(getEditorInput());
        return document == null ? null : PolicyDocuments.of(document, getEditorInput());
    }

    private PolicyDocument.Snapshot lastParse() {
        PolicyDocument policy = policy();
        return policy == null ? null : policy.current();
    }

    public List<Issue> lastFindings() {
        return lastFindings;
    }

    void setLastFindings(List<Issue> findings) {
        lastFindings = List.copyOf(findings);
        checked = true;
    }

    /** Whether the text has been checked at least once since the editor opened. */
    public boolean lastFindingsChecked() {
        return checked;
    }

    public PolicyCompletionProcessor completionProcessor() {
        return configuration.completionProcessor();
    }

    public PolicyQuickAssistProcessor quickFixProcessor() {
        return configuration.quickFixProcessor();
    }

    /** The hover shown at {@code offset}: a finding's rule, message and rationale, or the doc comment. */
    public String hoverAt(int offset) {
        return new PolicyTextHover(this).hoverAt(offset);
    }

    /** Jumps to the declaration of the reference at {@code offset}; false when there is none. */
    public boolean openDefinitionAt(int offset) {
        var definition = new PolicyHyperlinkDetector(this).definitionAt(offset);
        if (definition == null) {
            return false;
        }
        definition.open();
        return true;
    }

    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    /** Matches braces for the bracket highlight (and Ctrl+Shift+P). */
    public PolicyBraceMatcher braceMatcher() {
        return braces;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        if (getSelectionProvider() instanceof IPostSelectionProvider selections) {
            selections.addPostSelectionChangedListener(occurrences);
        }
    }

    /** The occurrences Mark Occurrences would highlight with the caret at {@code offset}. */
    public List<Position> occurrencesAt(int offset) {
        return occurrences.at(offset);
    }

    /** The occurrences highlighted now (Mark Occurrences), as offset and length. */
    public List<Position> markedOccurrences() {
        return occurrences.shown();
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] {SCOPE});
    }

    @Override
    protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
        super.configureSourceViewerDecorationSupport(support);
        support.setCharacterPairMatcher(braces);
        support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
    }

    @Override
    public void dispose() {
        if (getSelectionProvider() instanceof IPostSelectionProvider selections) {
            selections.removePostSelectionChangedListener(occurrences);
        }
        braces.dispose();
        super.dispose();
    }

    /** Comments the selected lines with {@code //}, or uncomments them (one undo step). */
    public void toggleComment() {
        if (!(getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return;
        }
        IDocument document = getDocumentProvider().getDocument(getEditorInput());
        IRewriteTarget target = getAdapter(IRewriteTarget.class);
        if (target != null) {
            target.beginCompoundChange();
        }
        try {
            LineComments.toggle(document, selection.getOffset(), selection.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException("selection outside the document", e);
        } finally {
            if (target != null) {
                target.endCompoundChange();
            }
        }
    }

    @Override
    protected void createActions() {
        super.createActions();
        Action format = new Action("Format") {
            @Override
            public void run() {
                format();
            }
        };
        format.setActionDefinitionId(FORMAT_COMMAND);
        setAction("Format", format);
        // The plain text editor has no content assist action; Ctrl+Space is bound to this command id.
        Action assist = new Action("Content Assist") {
            @Override
            public void run() {
                ISourceViewer viewer = getSourceViewer();
                if (viewer instanceof ITextOperationTarget target && target.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
                    target.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
                }
            }
        };
        assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
        setAction("ContentAssistProposal", assist);
        Action open = new Action("Open Declaration") {
            @Override
            public void run() {
                if (getSelectionProvider().getSelection() instanceof ITextSelection selection) {
                    openDefinitionAt(selection.getOffset());
                }
            }
        };
        open.setActionDefinitionId(OPEN_DECLARATION_COMMAND);
        setAction("OpenDeclaration", open);
        Action comment = new Action("Toggle Comment") {
            @Override
            public void run() {
                toggleComment();
            }
        };
        comment.setActionDefinitionId(TOGGLE_COMMENT_COMMAND);
        setAction("ToggleComment", comment);
    }

    /** Formats the whole document with the language's formatter (the LSP formatting service). */
    public void format() {
        PolicyDocument policy = policy();
        if (policy == null) {
            return;
        }
        var snapshot = policy.snapshot();
        var document = snapshot.ideDocument();
        FormattingOptions options = new FormattingOptions(4, true);
        List<? extends TextEdit> edits = ReclaimPlugin.injector().getInstance(FormattingService.class).format(document,
                snapshot.resource(), new DocumentFormattingParams(new TextDocumentIdentifier(policy.uri().toString()),
                        options), CancelIndicator.NullImpl);
        IDocument target = getDocumentProvider().getDocument(getEditorInput());
        try {
            // Last edit first, so that the offsets of the others stay valid.
            for (TextEdit edit : edits.stream().sorted((a, b) -> Integer.compare(
                    document.getOffSet(b.getRange().getStart()), document.getOffSet(a.getRange().getStart()))).toList()) {
                int start = document.getOffSet(edit.getRange().getStart());
                int end = document.getOffSet(edit.getRange().getEnd());
                target.replace(start, end - start, edit.getNewText());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("the formatter's edits do not fit the document", e);
        }
    }

    /** Called after each reconcile, in the UI thread. */
    void refreshViews() {
        ISourceViewer viewer = getSourceViewer();
        if (viewer != null && viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
            viewer.invalidateTextPresentation();
        }
        if (outline != null) {
            outline.refresh();
        }
        occurrences.refresh();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (IContentOutlinePage.class.equals(adapter)) {
            if (outline == null) {
                outline = new PolicyOutlinePage(new PolicyOutlinePage.Host() {
                    // The last parse, never a new one: the outline refreshes after every
                    // reconcile, which parses in the background.
                    @Override
                    public XtextResource resource() {
                        PolicyDocument.Snapshot s = lastParse();
                        return s == null ? null : s.resource();
                    }

                    @Override
                    public void reveal(org.eclipse.lsp4j.Range range) {
                        PolicyDocument.Snapshot s = lastParse();
                        if (s != null) {
                            var document = s.ideDocument();
                            int start = Math.min(document.getOffSet(range.getStart()), s.text().length());
                            int end = Math.min(document.getOffSet(range.getEnd()), s.text().length());
                            IDocument now = getDocumentProvider().getDocument(getEditorInput());
                            if (end <= now.getLength()) {
                                selectAndReveal(start, end - start);
                            }
                        }
                    }
                });
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }
}
