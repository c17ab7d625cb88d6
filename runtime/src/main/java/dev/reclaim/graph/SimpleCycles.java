package dev.reclaim.graph;

import java.util.Arrays;

/**
 * Bounded enumeration of the elementary cycles of a {@link Digraph}.
 *
 * <p>Every elementary cycle is reported exactly once, starting at its lowest-numbered node
 * (the canonical rotation), by a depth-first search from each node {@code s} that only visits
 * nodes greater than {@code s} of the same strongly connected component: acyclic parts of the
 * graph are never searched. Callers that want a hub (a node many cycles pass through) searched
 * cheaply should give it a low number, so that it is the start of those cycles and the searches
 * from the other nodes are cut short by it.
 *
 * <p>The number of elementary cycles can be exponential, so the search is bounded twice: cycles
 * longer than {@code maxLength} nodes are not followed, and the whole enumeration stops after
 * {@code budget} edge visits. {@link #enumerate} tells the caller whether it was cut short.
 * Self-loops are ignored.
 */
public final class SimpleCycles {
    /** Receives a cycle as its nodes in order, the first being the lowest; the array is a copy. */
    @FunctionalInterface
    public interface Sink {
        void cycle(int[] nodes);
    }

    private SimpleCycles() {
    }

    /** Returns true when every cycle within {@code maxLength} was reported, false when the budget ran out. */
    public static boolean enumerate(Digraph g, int maxLength, long budget, Sink sink) {
        int n = g.size();
        int[] comp = g.components();
        int[] compSize = new int[n];
        for (int c : comp) {
            compSize[c]++;
        }
        boolean[] onPath = new boolean[n];
        int[] path = new int[Math.max(1, maxLength)];
        int[] edge = new int[Math.max(1, maxLength)];
        long left = budget;
        for (int s = 0; s < n; s++) {
            if (compSize[comp[s]] < 2) {
                continue;
            }
            int depth = 0;
            path[0] = s;
            edge[0] = 0;
            onPath[s] = true;
            while (depth >= 0) {
                int v = path[depth];
                if (edge[depth] >= g.outDegree(v)) {
                    onPath[v] = false;
                    depth--;
                    continue;
                }
                int w = g.target(v, edge[depth]++);
                if (--left < 0) {
                    Arrays.fill(onPath, false);
                    return false;
                }
                if (w == s) {
                    if (depth >= 1) {
                        sink.cycle(Arrays.copyOf(path, depth + 1));
                    }
                } else if (w > s && comp[w] == comp[s] && !onPath[w] && depth + 1 < maxLength) {
                    depth++;
                    path[depth] = w;
                    edge[depth] = 0;
                    onPath[w] = true;
                }
            }
        }
        return true;
    }
}
