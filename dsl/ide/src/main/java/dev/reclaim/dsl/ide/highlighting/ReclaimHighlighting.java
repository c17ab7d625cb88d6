package dev.reclaim.dsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.reclaim.dsl.reclaim.Context;
import dev.reclaim.dsl.reclaim.Instance;
import dev.reclaim.dsl.reclaim.Layer;
import dev.reclaim.dsl.reclaim.Lock;
import dev.reclaim.dsl.reclaim.Permission;
import dev.reclaim.dsl.reclaim.Thread;

/**
 * Classifies every token from the node model: lexical styles (keyword, comment, string, number)
 * and semantic ones for the names of layers, contexts, permissions, instances, threads and locks,
 * both where they are declared and where they are referenced. It lives here, free of any UI API,
 * so that other clients can reuse it; only the Eclipse editor uses it so far (it is not bound for
 * LSP semantic tokens, whose legend would first need these style ids).
 */
public class ReclaimHighlighting implements ISemanticHighlightingCalculator {

    public static final String KEYWORD = "keyword";
    public static final String COMMENT = "comment";
    public static final String STRING = "string";
    public static final String NUMBER = "number";
    public static final String LAYER = "layer";
    public static final String CONTEXT = "context";
    public static final String PERMISSION = "permission";
    public static final String INSTANCE = "instance";
    public static final String THREAD = "thread";
    public static final String LOCK = "lock";

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
            CancelIndicator cancel) {
        if (resource == null || resource.getParseResult() == null) {
            return;
        }
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            if (cancel != null && cancel.isCanceled()) {
                return;
            }
            String style = styleOf(leaf);
            if (style != null && leaf.getLength() > 0) {
                acceptor.addPosition(leaf.getOffset(), leaf.getLength(), style);
            }
        }
    }

    private static String styleOf(ILeafNode leaf) {
        EObject grammar = leaf.getGrammarElement();
        if (leaf.isHidden()) {
            return grammar instanceof TerminalRule rule && rule.getName().endsWith("COMMENT") ? COMMENT : null;
        }
        INode token = tokenNode(leaf);
        EObject element = token.getGrammarElement();
        var assignment = GrammarUtil.containingAssignment(element);
        boolean reference = element instanceof CrossReference || GrammarUtil.containingCrossReference(element) != null;
        if (reference && assignment != null) {
            EObject target = target(leaf.getSemanticElement(), assignment.getFeature(), token);
            return target == null ? null : semanticStyle(target);
        }
        if (assignment != null && "name".equals(assignment.getFeature())) {
            return semanticStyle(leaf.getSemanticElement());
        }
        if (grammar instanceof Keyword keyword) {
            return Character.isLetter(keyword.getValue().charAt(0)) ? KEYWORD : null;
        }
        // Enum literals (`serves`, `task`, `kswapd`, `writer-preferring`) are keywords too.
        if (grammar instanceof EnumLiteralDeclaration || grammar instanceof RuleCall call && call.getRule() instanceof EnumRule) {
            return KEYWORD;
        }
        if (grammar instanceof RuleCall call && call.getRule() != null) {
            switch (call.getRule().getName()) {
                case "STRING": return STRING;
                case "INT": return NUMBER;
                default: return null;
            }
        }
        return null;
    }

    /** The node that stands for the whole token: a name is a leaf inside a `Name` datatype rule call. */
    private static INode tokenNode(ILeafNode leaf) {
        INode node = leaf;
        while (node.getParent() != null && node.getParent().getSemanticElement() == leaf.getSemanticElement()
                && (node.getParent().getGrammarElement() instanceof CrossReference
                        || node.getParent().getGrammarElement() instanceof RuleCall call && call.getRule() != null
                                && DATATYPE_RULES.contains(call.getRule().getName()))) {
            node = node.getParent();
        }
        return node;
    }

    private static final java.util.Set<String> DATATYPE_RULES = java.util.Set.of("Name", "QualifiedName");

    /** What the reference written at {@code token} resolves to, or null when it does not. */
    private static EObject target(EObject owner, String featureName, INode token) {
        if (owner == null || !(owner.eClass().getEStructuralFeature(featureName) instanceof EReference ref)) {
            return null;
        }
        EObject target;
        if (ref.isMany()) {
            var nodes = NodeModelUtils.findNodesForFeature(owner, ref);
            int index = nodes.indexOf(token);
            @SuppressWarnings("unchecked")
            java.util.List<EObject> values = (java.util.List<EObject>) owner.eGet(ref, true);
            target = index >= 0 && index < values.size() ? values.get(index) : null;
        } else {
            target = (EObject) owner.eGet(ref, true);
        }
        return target == null || target.eIsProxy() ? null : target;
    }

    private static String semanticStyle(EObject element) {
        if (element instanceof Layer) {
            return LAYER;
        }
        if (element instanceof Context) {
            return CONTEXT;
        }
        if (element instanceof Permission) {
            return PERMISSION;
        }
        if (element instanceof Instance) {
            return INSTANCE;
        }
        if (element instanceof Thread) {
            return THREAD;
        }
        if (element instanceof Lock) {
            return LOCK;
        }
        return null;
    }
}
