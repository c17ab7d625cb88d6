package dev.reclaim.dsl.lowering;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;

/** Doc comments ({@code /** ... *\/}) of declarations, trimmed; null when there is none. */
final class Docs {
    private final IEObjectDocumentationProvider provider;

    Docs(IEObjectDocumentationProvider provider) {
        this.provider = provider;
    }

    String of(EObject o) {
        String doc = provider.getDocumentation(o);
        if (doc == null) {
            return null;
        }
        String trimmed = doc.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
