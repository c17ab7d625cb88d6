package dev.reclaim.dsl.linking;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

import com.google.inject.Inject;

import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.findings.Rule;
import dev.reclaim.findings.Suggestions;

/** Unknown names in the user's vocabulary, with the nearest visible candidate. */
public class ReclaimLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

    @Inject
    private IScopeProvider scopeProvider;

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String name = context.getLinkText();
        List<String> candidates = new ArrayList<>();
        try {
            for (IEObjectDescription d : scopeProvider.getScope(context.getContext(), context.getReference())
                    .getAllElements()) {
                candidates.add(d.getName().toString());
            }
        } catch (RuntimeException e) {
            // Scoping a half-parsed model may fail; the message then goes without a suggestion.
        }
        String message = "unknown " + kind(context.getReference().getEReferenceType()) + " '" + name + "'"
                + Suggestions.nearest(name, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return new DiagnosticMessage(message, Severity.ERROR, Rule.UNKNOWN_NAME.id());
    }

    public static String kind(EClass type) {
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        if (type == p.getContextMember()) {
            return "permission or context";
        }
        if (type == p.getInstance()) {
            return "instance";
        }
        if (type == p.getLock()) {
            return "lock";
        }
        return type.getName().toLowerCase(java.util.Locale.ROOT);
    }
}
