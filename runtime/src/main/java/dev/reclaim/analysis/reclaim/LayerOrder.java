package dev.reclaim.analysis.reclaim;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.Layer;
import dev.reclaim.model.Vocabulary;

/**
 * The layer order of a vocabulary. {@code layer dm below fs} makes fs directly above dm; "above"
 * is its transitive closure, strict. Cycles in {@code below} are a structural error reported
 * elsewhere; here they only make layers above each other, and every query still terminates.
 * Unknown layer names have nothing above them and no guard.
 */
final class LayerOrder {
    private final Vocabulary vocab;
    private final Map<String, Set<String>> above = new HashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();

    LayerOrder(Vocabulary vocab) {
        this.vocab = vocab;
    }

    /** The layers strictly above {@code layer}, nearest first (breadth-first). */
    Set<String> above(String layer) {
        if (layer == null) {
            return Set.of();
        }
        Set<String> cached = above.get(layer);
        if (cached != null) {
            return cached;
        }
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(layer);
        while (!queue.isEmpty()) {
            Layer l = vocab.layer(queue.poll()).orElse(null);
            if (l == null) {
                continue;
            }
            for (String up : l.below()) {
                if (out.add(up)) {
                    queue.add(up);
                }
            }
        }
        out.remove(layer);
        Set<String> result = Collections.unmodifiableSet(out);
        above.put(layer, result);
        return result;
    }

    /** Whether {@code layer} is {@code base} or above it. */
    boolean atOrAbove(String layer, String base) {
        return layer != null && (layer.equals(base) || above(base).contains(layer));
    }

    /** The permission name guarding {@code layer}, or null. */
    String guard(String layer) {
        return layer == null ? null : vocab.layer(layer).map(Layer::guard).orElse(null);
    }

    /** The nearest layer strictly above {@code layer} guarded by {@code permission}, or null. */
    String nearestAboveGuardedBy(String layer, String permission) {
        for (String up : above(layer)) {
            if (permission.equals(guard(up))) {
                return up;
            }
        }
        return null;
    }

    /**
     * The depth of a layer in the order: 0 for a layer with nothing above it, else one more than
     * the deepest layer directly above it. On a cycle the layer met again counts as a top.
     */
    int rank(String layer) {
        return rank(layer, new LinkedHashSet<>());
    }

    private int rank(String layer, Set<String> visiting) {
        Integer cached = rank.get(layer);
        if (cached != null) {
            return cached;
        }
        Layer l = layer == null ? null : vocab.layer(layer).orElse(null);
        if (l == null || !visiting.add(layer)) {
            return 0;
        }
        int r = 0;
        for (String up : l.below()) {
            r = Math.max(r, rank(up, visiting) + 1);
        }
        visiting.remove(layer);
        rank.put(layer, r);
        return r;
    }
}
