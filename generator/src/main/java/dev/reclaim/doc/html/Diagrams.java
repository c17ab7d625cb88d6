package dev.reclaim.doc.html;

import static dev.reclaim.doc.Escape.line;

import dev.reclaim.doc.PolicyDoc.ContextDoc;
import dev.reclaim.doc.PolicyDoc.InstanceDoc;
import dev.reclaim.doc.PolicyDoc.LayerDoc;
import dev.reclaim.doc.PolicyDoc.SystemDoc;
import dev.reclaim.doc.PolicyDoc.ThreadDoc;
import dev.reclaim.doc.layout.Graph;
import java.util.List;

/**
 * The diagrams of the site as graphs, from the documentation model: the same nodes and edges as
 * the Mermaid blocks of POLICY.md and the DOT files, with generated node ids (user names are only
 * labels). Labels are put on one line here; the renderer escapes them.
 */
final class Diagrams {
    private Diagrams() {
    }

    /** The layer order: an edge from each layer to each layer it is directly below, drawn bottom-up. */
    static Graph layers(List<LayerDoc> layers) {
        Graph g = new Graph(Graph.Direction.UP);
        List<String> names = layers.stream().map(LayerDoc::name).toList();
        for (int i = 0; i < layers.size(); i++) {
            LayerDoc l = layers.get(i);
            g.node("l" + i, line(l.name() + (l.guard() == null ? "" : " [" + l.guard() + "]")), "layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            for (String b : layers.get(i).below()) {
                int j = names.indexOf(b);
                if (j >= 0) {
                    g.edge("l" + i, "l" + j, null, false);
                }
            }
        }
        return g;
    }

    /** The context lattice: an edge from each context to each largest context it strictly includes. */
    static Graph contexts(List<ContextDoc> contexts) {
        Graph g = new Graph(Graph.Direction.DOWN);
        List<String> names = contexts.stream().map(ContextDoc::name).toList();
        for (int i = 0; i < contexts.size(); i++) {
            g.node("c" + i, line(contexts.get(i).name()), "context");
        }
        for (int i = 0; i < contexts.size(); i++) {
            for (String inc : contexts.get(i).includes()) {
                int j = names.indexOf(inc);
                if (j >= 0) {
                    g.edge("c" + i, "c" + j, null, false);
                }
            }
        }
        return g;
    }

    /** A system's stack: instances ({@code name : layer}) with their {@code on} edges, and the threads that serve them. */
    static Graph system(SystemDoc s) {
        Graph g = new Graph(Graph.Direction.DOWN);
        List<String> inst = s.instances().stream().map(InstanceDoc::name).toList();
        for (int i = 0; i < s.threads().size(); i++) {
            ThreadDoc t = s.threads().get(i);
            g.node("t" + i, line(t.name() + " (" + t.kind() + ")"), t.kind().equals("kswapd") ? "kswapd" : "thread");
        }
        for (int i = 0; i < s.instances().size(); i++) {
            InstanceDoc d = s.instances().get(i);
            g.node("i" + i, line(d.name() + " : " + d.layer()), "instance");
        }
        for (int i = 0; i < s.instances().size(); i++) {
            for (String on : s.instances().get(i).on()) {
                int j = inst.indexOf(on);
                if (j >= 0) {
                    g.edge("i" + i, "i" + j, "on", false);
                }
            }
        }
        for (int i = 0; i < s.threads().size(); i++) {
            int j = s.threads().get(i).serves() == null ? -1 : inst.indexOf(s.threads().get(i).serves());
            if (j >= 0) {
                g.edge("t" + i, "i" + j, "serves", true);
            }
        }
        return g;
    }
}
