package dev.reclaim.doc;

import static dev.reclaim.doc.Escape.dot;

import dev.reclaim.doc.PolicyDoc.InstanceDoc;
import dev.reclaim.doc.PolicyDoc.LayerDoc;
import dev.reclaim.doc.PolicyDoc.SystemDoc;
import dev.reclaim.doc.PolicyDoc.ThreadDoc;
import java.util.List;

/** Graphviz DOT: the layer order, and one stack per system. Node ids are generated; labels are escaped. */
public final class DotWriter {

    public String layers(List<LayerDoc> layers) {
        StringBuilder b = new StringBuilder("digraph layers {\n  rankdir=BT;\n  node [shape=box];\n");
        List<String> names = layers.stream().map(LayerDoc::name).toList();
        for (int i = 0; i < layers.size(); i++) {
            LayerDoc l = layers.get(i);
            b.append("  l").append(i).append(" [label=\"").append(dot(l.name()))
                    .append(l.guard() == null ? "\\n(unguarded)" : "\\n(guarded by " + dot(l.guard()) + ")")
                    .append("\", tooltip=\"").append(dot(l.doc())).append("\"];\n");
        }
        for (int i = 0; i < layers.size(); i++) {
            for (String above : layers.get(i).below()) {
                int j = names.indexOf(above);
                if (j >= 0) {
                    b.append("  l").append(i).append(" -> l").append(j).append(" [label=\"below\"];\n");
                }
            }
        }
        return b.append("}\n").toString();
    }

    public String system(SystemDoc s) {
        StringBuilder b = new StringBuilder("digraph stack {\n  label=\"").append(dot("system " + s.name()))
                .append("\";\n  rankdir=TB;\n");
        List<String> names = s.instances().stream().map(InstanceDoc::name).toList();
        for (int i = 0; i < s.instances().size(); i++) {
            InstanceDoc d = s.instances().get(i);
            b.append("  i").append(i).append(" [shape=box, label=\"").append(dot(d.name())).append("\\n")
                    .append(dot(d.layer())).append("\"];\n");
        }
        for (int i = 0; i < s.threads().size(); i++) {
            ThreadDoc t = s.threads().get(i);
            b.append("  t").append(i).append(" [shape=ellipse, label=\"").append(dot(t.name())).append("\\n(")
                    .append(dot(t.kind())).append(")\"];\n");
        }
        for (int i = 0; i < s.instances().size(); i++) {
            for (String on : s.instances().get(i).on()) {
                int j = names.indexOf(on);
                if (j >= 0) {
                    b.append("  i").append(i).append(" -> i").append(j).append(" [label=\"on\"];\n");
                }
            }
        }
        for (int i = 0; i < s.threads().size(); i++) {
            String serves = s.threads().get(i).serves();
            int j = serves == null ? -1 : names.indexOf(serves);
            if (j >= 0) {
                b.append("  t").append(i).append(" -> i").append(j).append(" [style=dashed, label=\"serves\"];\n");
            }
        }
        return b.append("}\n").toString();
    }
}
