package dev.reclaim.analysis.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.graph.Digraph;
import dev.reclaim.model.Layer;
import dev.reclaim.model.Vocabulary;

/**
 * Structural checks of the layer vocabulary: the {@code below} order must be acyclic (a layer's
 * rank is its depth in it) and must name declared layers; a {@code guarded by} must name a
 * permission. Findings of imported layers carry their own file's position: a caller checking one
 * file can keep only those whose {@code pos().file()} is that file.
 */
public final class VocabularyChecks {
    private VocabularyChecks() {
    }

    /** @param owner what finding declaration paths start with (the policy's qualified name), or null */
    public static List<Finding> check(Vocabulary vocab, String owner) {
        List<Finding> findings = new ArrayList<>();
        List<Layer> layers = vocab.layers();
        Map<String, Integer> node = new HashMap<>();
        Digraph g = new Digraph();
        for (Layer l : layers) {
            node.put(l.name(), g.addNode());
        }
        for (Layer l : layers) {
            for (String above : l.below()) {
                Integer to = node.get(above);
                if (to == null) {
                    findings.add(new Finding(Rule.UNKNOWN_NAME, "layer " + l.name() + " is below unknown layer '"
                            + above + "'", l.pos(), List.of(), declaration(owner, l), null));
                } else {
                    g.addEdge(node.get(l.name()), to);
                }
            }
            if (l.guard() != null && vocab.permission(l.guard()).isEmpty()) {
                findings.add(new Finding(Rule.UNKNOWN_NAME, "layer " + l.name() + " is guarded by unknown permission '"
                        + l.guard() + "'", l.pos(), List.of(), declaration(owner, l), null));
            }
        }
        reportCycles(g, layers, owner, findings);
        return findings;
    }

    /** One finding per strongly connected component, at its first layer in declaration order. */
    private static void reportCycles(Digraph g, List<Layer> layers, String owner, List<Finding> findings) {
        for (List<Integer> cycle : g.cyclePerComponent()) {
            List<String> names = new ArrayList<>();
            List<Related> related = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i++) {
                Layer l = layers.get(cycle.get(i));
                names.add(l.name());
                if (i + 1 < cycle.size()) {
                    related.add(new Related(l.name() + " below " + layers.get(cycle.get(i + 1)).name(), l.pos()));
                }
            }
            Layer first = layers.get(cycle.get(0));
            findings.add(new Finding(Rule.LAYER_CYCLE, "layer order has a cycle: " + String.join(" below ", names),
                    first.pos(), related, declaration(owner, first), null));
        }
    }

    private static String declaration(String owner, Layer l) {
        return owner == null ? "layer " + l.name() : owner + "/layer " + l.name();
    }
}
