package dev.reclaim.eclipse.model;

import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;

/** One {@link PolicyDocument} per open text document, named by the file it edits. */
public final class PolicyDocuments {
    private static final Map<IDocument, PolicyDocument> OPEN = new WeakHashMap<>();

    private PolicyDocuments() {
    }

    public static synchronized PolicyDocument of(IDocument document, IEditorInput input) {
        return OPEN.computeIfAbsent(document, d -> new PolicyDocument(d, uriOf(input)));
    }

    /** A file: URI, so that `import "base.reclaim"` resolves next to the file as the CLI does. */
    static URI uriOf(IEditorInput input) {
        if (input instanceof IFileEditorInput fileInput) {
            IFile file = fileInput.getFile();
            if (file.getLocation() != null) {
                return URI.createFileURI(file.getLocation().toOSString());
            }
        }
        if (input instanceof IURIEditorInput uriInput && uriInput.getURI() != null) {
            return URI.createURI(uriInput.getURI().toString());
        }
        return URI.createURI("memory:/" + (input == null ? "untitled" : input.getName()));
    }
}
