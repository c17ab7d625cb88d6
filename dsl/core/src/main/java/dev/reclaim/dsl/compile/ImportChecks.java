package dev.reclaim.dsl.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.URI;

import dev.reclaim.dsl.lowering.Positions;
import dev.reclaim.dsl.reclaim.Context;
import dev.reclaim.dsl.reclaim.Import;
import dev.reclaim.dsl.reclaim.Layer;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.Permission;
import dev.reclaim.dsl.reclaim.TopElement;
import dev.reclaim.dsl.scoping.Imports;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;

/** Imports that cannot be read, that lead back to the importing file, or that clash by name. */
final class ImportChecks {
    private ImportChecks() {
    }

    static List<Finding> check(Model model, Positions positions) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> providedBy = new HashMap<>();
        for (Import imp : model.getImports()) {
            String shown = imp.getImportURI();
            Optional<Model> target = Imports.load(imp);
            if (target.isEmpty()) {
                URI uri = Imports.resolve(imp);
                String where = uri == null ? "" : " (resolved to " + (uri.isFile() ? uri.toFileString() : uri) + ")";
                out.add(finding("cannot read imported file '" + shown + "'" + where, imp, positions));
                continue;
            }
            List<String> cycle = cycleBack(model, target.get());
            if (!cycle.isEmpty()) {
                out.add(finding("import cycle: " + String.join(" imports ", cycle), imp, positions));
                continue;
            }
            for (String name : vocabularyNames(target.get())) {
                String previous = providedBy.putIfAbsent(name, shown);
                if (previous != null && !previous.equals(shown)) {
                    out.add(finding("'" + name + "' is imported from both '" + previous + "' and '" + shown + "'",
                            imp, positions));
                }
            }
        }
        return out;
    }

    /** The chain of file names from {@code model} through {@code start} back to {@code model}, if any. */
    private static List<String> cycleBack(Model model, Model start) {
        List<Model> path = new ArrayList<>();
        if (!reaches(start, model, path, new LinkedHashSet<>())) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(name(model));
        for (Model m : path) {
            names.add(name(m));
        }
        return names;
    }

    private static boolean reaches(Model from, Model goal, List<Model> path, Set<Model> seen) {
        path.add(from);
        if (from == goal) {
            return true;
        }
        if (seen.add(from)) {
            for (Model next : Imports.direct(from)) {
                if (reaches(next, goal, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private static String name(Model m) {
        URI uri = m.eResource() == null ? null : m.eResource().getURI();
        return uri == null ? "?" : uri.lastSegment();
    }

    private static List<String> vocabularyNames(Model m) {
        List<String> names = new ArrayList<>();
        for (TopElement e : m.getElements()) {
            if (e instanceof Permission p) {
                names.add(p.getName());
            } else if (e instanceof Context c) {
                names.add(c.getName());
            } else if (e instanceof Layer l) {
                names.add("layer " + l.getName());
            }
        }
        names.removeIf(n -> n == null || n.endsWith(" null"));
        return names;
    }

    private static Finding finding(String message, Import imp, Positions positions) {
        return new Finding(Rule.IMPORT, message, positions.of(imp), List.of(), positions.file(), null);
    }
}
