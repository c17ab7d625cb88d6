package dev.reclaim.eclipse.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.util.CancelIndicator;

import dev.reclaim.eclipse.ReclaimPlugin;
import dev.reclaim.eclipse.model.PolicyDocument;

/**
 * Mark Occurrences: with the caret on a name (declaration or reference), every occurrence of what
 * it names in this file is highlighted, from the ide module's document highlight service (what LSP
 * clients get for textDocument/documentHighlight).
 */
final class PolicyOccurrences implements ISelectionChangedListener {
    /** Declared in plugin.xml with its colour. */
    static final String TYPE = "dev.reclaim.eclipse.occurrences";

    private final ReclaimEditor editor;
    private Annotation[] shown = new Annotation[0];

    PolicyOccurrences(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        if (event.getSelection() instanceof ITextSelection selection) {
            show(at(selection.getOffset()));
        }
    }

    /** The ranges (offset, length) of every occurrence of the name at {@code offset}; empty off a name. */
    List<Position> at(int offset) {
        PolicyDocument policy = editor.policy();
        if (policy == null) {
            return List.of();
        }
        var snapshot = policy.current();
        // Only on a parse of the current text: the caret moves with every keystroke, and parsing
        // belongs to the reconciler, which refreshes the occurrences when it is done.
        if (snapshot == null || !snapshot.text().equals(editor.getDocumentProvider().getDocument(editor.getEditorInput()).get())) {
            return List.of();
        }
        var document = snapshot.ideDocument();
        if (offset > snapshot.text().length() || !onName(snapshot.resource(), offset)) {
            return List.of();
        }
        DocumentHighlightParams params = new DocumentHighlightParams(
                new TextDocumentIdentifier(policy.uri().toString()), document.getPosition(offset));
        List<Position> out = new ArrayList<>();
        for (DocumentHighlight h : ReclaimPlugin.injector().getInstance(IDocumentHighlightService.class)
                .getDocumentHighlights(document, snapshot.resource(), params, CancelIndicator.NullImpl)) {
            int start = document.getOffSet(h.getRange().getStart());
            out.add(new Position(start, document.getOffSet(h.getRange().getEnd()) - start));
        }
        out.sort((a, b) -> Integer.compare(a.getOffset(), b.getOffset()));
        return out;
    }

    /**
     * Whether {@code offset} is on a reference or on a declaration's name. Elsewhere (on a keyword,
     * say) the service highlights the enclosing element, which is not an occurrence of anything.
     */
    private static boolean onName(XtextResource resource, int offset) {
        EObjectAtOffsetHelper helper = ReclaimPlugin.injector().getInstance(EObjectAtOffsetHelper.class);
        if (helper.getCrossReferenceNode(resource, new TextRegion(offset, 0)) != null) {
            return true;
        }
        EObject element = helper.resolveElementAt(resource, offset);
        if (element == null || element.eClass().getEStructuralFeature("name") == null) {
            return false;
        }
        ITextRegion name = ReclaimPlugin.injector().getInstance(ILocationInFileProvider.class)
                .getSignificantTextRegion(element);
        return name != null && name.getOffset() <= offset && offset <= name.getOffset() + name.getLength();
    }

    /** Recomputes the occurrences at the caret (after a reconcile has parsed new text). */
    void refresh() {
        if (editor.getSelectionProvider() != null
                && editor.getSelectionProvider().getSelection() instanceof ITextSelection selection) {
            show(at(selection.getOffset()));
        }
    }

    private void show(List<Position> positions) {
        IAnnotationModel model = editor.getDocumentProvider() == null ? null
                : editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        if (!(model instanceof IAnnotationModelExtension extension)) {
            return;
        }
        Map<Annotation, Position> added = new HashMap<>();
        for (Position p : positions) {
            added.put(new Annotation(TYPE, false, "occurrence"), p);
        }
        extension.replaceAnnotations(shown, added);
        shown = added.keySet().toArray(Annotation[]::new);
    }

    /** The occurrences currently highlighted, in document order. */
    List<Position> shown() {
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        List<Position> out = new ArrayList<>();
        for (Annotation a : shown) {
            Position p = model.getPosition(a);
            if (p != null) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Integer.compare(a.getOffset(), b.getOffset()));
        return out;
    }
}
