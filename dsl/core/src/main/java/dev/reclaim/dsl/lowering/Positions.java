package dev.reclaim.dsl.lowering;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

import dev.reclaim.model.SourcePos;

/** Source positions of AST elements, from Xtext's node model, in the file's display name. */
public final class Positions {
    private final String file;

    public Positions(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The whole text of the element, without leading comments. */
    public SourcePos of(EObject o) {
        return of(NodeModelUtils.findActualNodeFor(o));
    }

    /** The text of one feature of the element (a declaration's name), or the element if absent. */
    public SourcePos of(EObject o, EStructuralFeature feature) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
        return nodes.isEmpty() ? of(o) : of(nodes.get(0));
    }

    public SourcePos of(INode node) {
        if (node == null) {
            return new SourcePos(file, 0, 0, 0, 0);
        }
        int start = node.getOffset();
        int end = node.getEndOffset();
        LineAndColumn s = NodeModelUtils.getLineAndColumn(node, start);
        LineAndColumn e = NodeModelUtils.getLineAndColumn(node, end);
        return new SourcePos(file, s.getLine(), s.getColumn(), e.getLine(), e.getColumn());
    }

    /** The source text of a feature as the user wrote it (an unresolved reference's name too). */
    public static String text(EObject o, EStructuralFeature feature) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(o, feature);
        return nodes.isEmpty() ? "" : NodeModelUtils.getTokenText(nodes.get(0));
    }

    /** The source text of every value of a many-valued reference, in order. */
    public static List<String> texts(EObject o, EStructuralFeature feature) {
        return NodeModelUtils.findNodesForFeature(o, feature).stream().map(NodeModelUtils::getTokenText).toList();
    }

    /** The element's text with runs of white space and comments folded to one space. */
    public static String text(EObject o) {
        INode node = NodeModelUtils.findActualNodeFor(o);
        return node == null ? "" : NodeModelUtils.getTokenText(node);
    }
}
