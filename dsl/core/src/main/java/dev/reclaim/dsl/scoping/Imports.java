package dev.reclaim.dsl.scoping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

import dev.reclaim.dsl.reclaim.Import;
import dev.reclaim.dsl.reclaim.Model;

/**
 * Resolves {@code import "file"} relative to the importing file and loads it into the same
 * resource set. Visibility is not transitive (the scope provider uses {@link #direct}); meaning is:
 * a context imported from B may be built from B's own imports, so lowering uses {@link #closure}.
 */
public final class Imports {
    private Imports() {
    }

    public static URI resolve(Import imp) {
        Resource from = imp.eResource();
        String raw = imp.getImportURI();
        if (raw == null || from == null) {
            return null;
        }
        try {
            URI uri = URI.createURI(raw);
            return from.getURI() == null ? uri : uri.resolve(from.getURI());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The imported model, or empty when the file cannot be read or parsed into a model. */
    public static Optional<Model> load(Import imp) {
        URI uri = resolve(imp);
        Resource from = imp.eResource();
        if (uri == null || from == null || from.getResourceSet() == null) {
            return Optional.empty();
        }
        ResourceSet rs = from.getResourceSet();
        try {
            Resource r = rs.getResource(uri, true);
            if (r != null && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m) {
                return Optional.of(m);
            }
        } catch (RuntimeException e) {
            // A missing or unreadable file is reported at the import by the validator; the failed
            // resource is dropped so that a later fix of the file is seen.
            Resource broken = rs.getResource(uri, false);
            if (broken != null && broken.getContents().isEmpty()) {
                rs.getResources().remove(broken);
            }
        }
        return Optional.empty();
    }

    public static List<Model> direct(Model model) {
        List<Model> out = new ArrayList<>();
        for (Import imp : model.getImports()) {
            load(imp).filter(m -> m != model).ifPresent(out::add);
        }
        return out;
    }

    /** The model followed by everything it imports, transitively, each once, depth first. */
    public static List<Model> closure(Model model) {
        Set<Model> seen = new LinkedHashSet<>();
        collect(model, seen);
        return new ArrayList<>(seen);
    }

    private static void collect(Model model, Set<Model> seen) {
        if (!seen.add(model)) {
            return;
        }
        for (Model m : direct(model)) {
            collect(m, seen);
        }
    }
}
