package dev.reclaim.doc.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Graph} out with Eclipse ELK's layered (Sugiyama) algorithm: layers along the
 * graph's direction, crossings minimised, orthogonal edge routes with bend points. The random
 * seed is fixed and the graph is built in the caller's order, so the same graph gives the same
 * coordinates on every run and machine (node sizes come from {@link TextMetrics}, not fonts).
 */
public final class ElkLayouter {
    /** Inner padding of a node around its label. */
    static final double PAD_X = 10;
    static final double PAD_Y = 7;

    public Layout layout(Graph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, graph.direction() == Graph.Direction.UP ? Direction.UP : Direction.DOWN);
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);

        Map<String, ElkNode> byId = new HashMap<>();
        List<Graph.Node> nodes = graph.nodes();
        List<ElkNode> elkNodes = new ArrayList<>();
        for (Graph.Node n : nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id());
            e.setDimensions(TextMetrics.width(n.label()) + 2 * PAD_X, TextMetrics.LINE_HEIGHT + 2 * PAD_Y);
            byId.putIfAbsent(n.id(), e);
            elkNodes.add(e);
        }
        List<Graph.Edge> kept = new ArrayList<>();
        List<ElkEdge> elkEdges = new ArrayList<>();
        for (Graph.Edge g : graph.edges()) {
            ElkNode from = byId.get(g.from());
            ElkNode to = byId.get(g.to());
            if (from == null || to == null) {
                continue;   // an edge to an undeclared node: the checker reports it; the diagram omits it
            }
            ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
            if (g.label() != null) {
                ElkLabel l = ElkGraphUtil.createLabel(g.label(), e);
                l.setDimensions(TextMetrics.width(g.label()) + 4, TextMetrics.LINE_HEIGHT);
            }
            kept.add(g);
            elkEdges.add(e);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Layout.Box> boxes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Graph.Node n = nodes.get(i);
            ElkNode e = elkNodes.get(i);
            boxes.add(new Layout.Box(n.id(), n.label(), n.kind(), e.getX(), e.getY(), e.getWidth(), e.getHeight()));
        }
        List<Layout.Route> routes = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            routes.add(route(kept.get(i), elkEdges.get(i)));
        }
        return new Layout(root.getWidth(), root.getHeight(), boxes, routes);
    }

    /** Edge coordinates are relative to the edge's container, which is the root here (a flat graph). */
    private static Layout.Route route(Graph.Edge g, ElkEdge e) {
        List<Layout.Point> points = new ArrayList<>();
        for (ElkEdgeSection s : e.getSections()) {
            add(points, s.getStartX(), s.getStartY());
            for (ElkBendPoint b : s.getBendPoints()) {
                add(points, b.getX(), b.getY());
            }
            add(points, s.getEndX(), s.getEndY());
        }
        if (e.getLabels().isEmpty()) {
            return new Layout.Route(g.from(), g.to(), points, g.dashed(), null, null, 0, 0);
        }
        ElkLabel l = e.getLabels().get(0);
        return new Layout.Route(g.from(), g.to(), points, g.dashed(), g.label(), new Layout.Point(l.getX(), l.getY()),
                l.getWidth(), l.getHeight());
    }

    /** Consecutive sections share their joint; keep it once. */
    private static void add(List<Layout.Point> points, double x, double y) {
        Layout.Point p = new Layout.Point(x, y);
        if (points.isEmpty() || !points.get(points.size() - 1).equals(p)) {
            points.add(p);
        }
    }
}
