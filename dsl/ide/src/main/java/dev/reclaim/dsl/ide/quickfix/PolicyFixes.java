package dev.reclaim.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.dsl.reclaim.Alloc;
import dev.reclaim.dsl.reclaim.If;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.Shrinker;
import dev.reclaim.dsl.reclaim.Thread;
import dev.reclaim.dsl.reclaim.ThreadKind;
import dev.reclaim.findings.Rule;

/**
 * The quick fixes, keyed on rule ids (the issue codes). Each reads the finding's declaration path
 * (issue data[0], e.g. {@code seed_2019_buggy/thread loop0_worker}) to find what to change.
 */
public class PolicyFixes {

    /** The rules that have fixes; a finding of another rule gets none. */
    public static final Set<String> FIXABLE = Set.of(Rule.IO_PATH_CONTEXT.id(), Rule.LAYERING.id(),
            Rule.RECLAIM_RECURSION.id(), Rule.RECLAIM_CYCLE.id(), Rule.UPWARD_GATE.id());

    /** io-path-context ends its message with the scope to use: "... wrap it in scope NOIO". */
    private static final Pattern SUGGESTED_SCOPE = Pattern.compile("scope (\\w+)$");
    private static final String DEFAULT_SCOPE = "NOIO";

    /** Fixes for one issue of {@code resource}; {@code all} are every issue of it (for hints). */
    public List<Fix> fixes(XtextResource resource, Issue issue, List<Issue> all) {
        List<Fix> fixes = new ArrayList<>();
        String code = issue.getCode();
        if (code == null || !FIXABLE.contains(code) || resource.getContents().isEmpty()) {
            return fixes;
        }
        Model model = (Model) resource.getContents().get(0);
        String declaration = issue.getData() != null && issue.getData().length > 0 ? issue.getData()[0] : "";
        String scope = suggestedScope(all, declaration);
        if (code.equals(Rule.IO_PATH_CONTEXT.id()) || code.equals(Rule.LAYERING.id())) {
            declared(model, declaration, Thread.class).flatMap(t -> wrapInScope(code, t, scope)).ifPresent(fixes::add);
        }
        if (code.equals(Rule.IO_PATH_CONTEXT.id()) || code.equals(Rule.LAYERING.id())
                || code.equals(Rule.RECLAIM_RECURSION.id()) || code.equals(Rule.RECLAIM_CYCLE.id())) {
            allocAt(resource, issue.getOffset()).flatMap(a -> narrow(code, a, scope)).ifPresent(fixes::add);
        }
        if (code.equals(Rule.UPWARD_GATE.id())) {
            declared(model, declaration, Shrinker.class).flatMap(s -> ownGate(code, s)).ifPresent(fixes::add);
        }
        return fixes;
    }

    private static String suggestedScope(List<Issue> all, String declaration) {
        for (Issue i : all) {
            String[] data = i.getData();
            if (Rule.IO_PATH_CONTEXT.id().equals(i.getCode()) && data != null && data.length > 0
                    && data[0].equals(declaration) && i.getMessage() != null) {
                Matcher m = SUGGESTED_SCOPE.matcher(i.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return DEFAULT_SCOPE;
    }

    /** A serving thread runs its whole loop under the scope: `thread T serves I scope S { ... }`. */
    private static Optional<Fix> wrapInScope(String code, Thread thread, String scope) {
        if (thread.getKind() != ThreadKind.SERVER || thread.getBody() == null) {
            return Optional.empty();
        }
        String title = "Run " + thread.getName() + " under scope " + scope;
        if (thread.getScope() != null) {
            return replaceNode(code, title, thread.getScope(), scope);
        }
        INode body = NodeModelUtils.getNode(thread.getBody());
        return Optional.of(new Fix(code, title, List.of(new Fix.Replacement(body.getOffset(), 0, "scope " + scope + " "))));
    }

    private static Optional<Fix> narrow(String code, Alloc alloc, String scope) {
        INode context = NodeModelUtils.getNode(alloc.getContext());
        if (context == null || NodeModelUtils.getTokenText(context).equals(scope)) {
            return Optional.empty();
        }
        return replaceNode(code, "Allocate with " + scope + " instead of " + NodeModelUtils.getTokenText(context),
                alloc.getContext(), scope);
    }

    /** Replaces every `if P` in the shrinker's bodies that tests another layer's guard by its own layer's guard. */
    private static Optional<Fix> ownGate(String code, Shrinker shrinker) {
        if (shrinker.getOwner() == null || shrinker.getOwner().getLayer() == null
                || shrinker.getOwner().getLayer().getGuard() == null) {
            return Optional.empty();
        }
        var own = shrinker.getOwner().getLayer().getGuard();
        List<Fix.Replacement> edits = new ArrayList<>();
        String tested = null;
        for (If test : EcoreUtil2.getAllContentsOfType(shrinker, If.class)) {
            if (test.getPermission() != null && test.getPermission() != own) {
                tested = test.getPermission().getName();
                INode ref = featureNode(test, ReclaimPackage.Literals.IF__PERMISSION);
                edits.add(new Fix.Replacement(ref.getOffset(), ref.getLength(), own.getName()));
            }
        }
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fix(code, "Gate shrinker " + shrinker.getName() + " on " + own.getName()
                + " (its own layer's guard) instead of " + tested, edits));
    }

    private static Optional<Fix> replaceNode(String code, String title, EObject element, String text) {
        INode node = NodeModelUtils.getNode(element);
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(new Fix(code, title, List.of(new Fix.Replacement(node.getOffset(), node.getLength(), text))));
    }

    private static INode featureNode(EObject element, EStructuralFeature feature) {
        return NodeModelUtils.findNodesForFeature(element, feature).get(0);
    }

    private static Optional<Alloc> allocAt(XtextResource resource, int offset) {
        var parse = resource.getParseResult();
        if (parse == null) {
            return Optional.empty();
        }
        var leaf = NodeModelUtils.findLeafNodeAtOffset(parse.getRootNode(), offset);
        EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
        return Optional.ofNullable(EcoreUtil2.getContainerOfType(element, Alloc.class));
    }

    /** Resolves a declaration path "system/kind name" to the member it names. */
    private static <T extends EObject> Optional<T> declared(Model model, String path, Class<T> type) {
        int slash = path.indexOf('/');
        int space = path.lastIndexOf(' ');
        if (slash < 0 || space < slash) {
            return Optional.empty();
        }
        String system = path.substring(0, slash);
        String name = path.substring(space + 1);
        return model.getElements().stream()
                .filter(e -> e instanceof dev.reclaim.dsl.reclaim.System s && system.equals(s.getName()))
                .flatMap(s -> ((dev.reclaim.dsl.reclaim.System) s).getMembers().stream())
                .filter(type::isInstance).map(type::cast)
                .filter(m -> name.equals(m.eGet(m.eClass().getEStructuralFeature("name"))))
                .findFirst();
    }
}
