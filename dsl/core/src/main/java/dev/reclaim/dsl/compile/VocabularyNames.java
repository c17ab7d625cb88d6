package dev.reclaim.dsl.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import dev.reclaim.dsl.lowering.Positions;
import dev.reclaim.dsl.reclaim.Layer;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.Permission;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.TopElement;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SourcePos;

/**
 * Duplicate permissions, layers and systems. Contexts are the resolver's: it also reports a context
 * that takes a permission's name, since both may stand in one expression.
 */
final class VocabularyNames {
    private VocabularyNames() {
    }

    static List<Finding> check(Model model, Positions positions) {
        List<Finding> out = new ArrayList<>();
        Map<String, EObject> permissions = new HashMap<>();
        Map<String, EObject> layers = new HashMap<>();
        Map<String, EObject> systems = new HashMap<>();
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        for (TopElement e : model.getElements()) {
            if (e instanceof Permission x) {
                duplicate(permissions, x.getName(), x, "permission", positions.of(x, p.getPermission_Name()), out, positions);
            } else if (e instanceof Layer x) {
                duplicate(layers, x.getName(), x, "layer", positions.of(x, p.getLayer_Name()), out, positions);
            } else if (e instanceof dev.reclaim.dsl.reclaim.System x) {
                duplicate(systems, x.getName(), x, "system", positions.of(x, p.getSystem_Name()), out, positions);
            }
        }
        return out;
    }

    private static void duplicate(Map<String, EObject> seen, String name, EObject o, String kind, SourcePos pos,
                                  List<Finding> out, Positions positions) {
        if (name == null) {
            return;
        }
        EObject first = seen.putIfAbsent(name, o);
        if (first != null) {
            String firstKind = kind;
            SourcePos firstPos = positions.of(first);
            out.add(new Finding(Rule.DUPLICATE_NAME, kind + " '" + name + "' is already declared as a " + firstKind
                    + " at line " + firstPos.line(), pos, List.of(new dev.reclaim.findings.Related(
                            "first declared here", firstPos)), kind + " " + name, null));
        }
    }
}
