package dev.reclaim.dsl.compile;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SourcePos;

/** The parser's and the linker's diagnostics of a resource, as findings. */
final class Diagnostics {
    private Diagnostics() {
    }

    static List<Finding> of(Resource resource, String file, LineIndex lines) {
        List<Finding> out = new ArrayList<>();
        for (Resource.Diagnostic d : resource.getErrors()) {
            Rule rule = d instanceof XtextLinkingDiagnostic ? Rule.UNKNOWN_NAME : Rule.SYNTAX;
            SourcePos pos;
            if (d instanceof AbstractDiagnostic ad && ad.getOffset() >= 0) {
                pos = lines.pos(file, ad.getOffset(), Math.max(ad.getLength(), 1));
            } else {
                pos = new SourcePos(file, Math.max(d.getLine(), 1), Math.max(d.getColumn(), 1),
                        Math.max(d.getLine(), 1), Math.max(d.getColumn(), 1) + 1);
            }
            out.add(new Finding(rule, message(d.getMessage()), pos, List.of(), file, null));
        }
        return out;
    }

    /** ANTLR's wording, with its escaped line breaks made readable. */
    private static String message(String m) {
        return m == null ? "syntax error" : m.replace("\n", "\\n").replace("\r", "\\r");
    }
}
