package dev.reclaim.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A directed graph over nodes 0..n-1 with adjacency lists kept in insertion order, so every
 * algorithm here is deterministic. Callers map their own objects to node numbers.
 */
public final class Digraph {
    private final List<int[]> adj = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    public int addNode() {
        adj.add(new int[2]);
        sizes.add(0);
        return adj.size() - 1;
    }

    public int size() {
        return adj.size();
    }

    public void addEdge(int from, int to) {
        int[] a = adj.get(from);
        int s = sizes.get(from);
        if (s == a.length) {
            a = Arrays.copyOf(a, s * 2);
            adj.set(from, a);
        }
        a[s] = to;
        sizes.set(from, s + 1);
    }

    public int outDegree(int v) {
        return sizes.get(v);
    }

    public int target(int v, int i) {
        return adj.get(v)[i];
    }

    /**
     * Strongly connected components (Tarjan, iterative so deep graphs do not overflow the stack).
     * Returns the component index of every node; components are numbered in reverse topological
     * order of the condensation.
     */
    public int[] components() {
        int n = size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int next = 0;
        int compCount = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < outDegree(v)) {
                    int w = target(v, callEdge[depth]++);
                    if (index[w] == -1) {
                        index[w] = low[w] = next++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            comp[w] = compCount;
                        } while (w != v);
                        compCount++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int u = callNode[depth];
                        low[u] = Math.min(low[u], low[v]);
                    }
                }
            }
        }
        return comp;
    }

    /**
     * Which nodes lie on some cycle (a self-loop counts), from the components of
     * {@link #components()}: a search for a cycle need start only from these.
     */
    public boolean[] onCycles(int[] comp) {
        int n = size();
        int[] count = new int[n];
        for (int c : comp) {
            count[c]++;
        }
        boolean[] on = new boolean[n];
        for (int v = 0; v < n; v++) {
            on[v] = count[comp[v]] > 1;
            for (int i = 0; i < outDegree(v) && !on[v]; i++) {
                on[v] = target(v, i) == v;
            }
        }
        return on;
    }

    /**
     * One cycle per strongly connected component that has one: the shortest cycle through the
     * component's lowest-numbered node, in node order. Each list starts and ends with that node.
     * Checks that report "one finding per cycle" in declaration order read this.
     */
    public List<List<Integer>> cyclePerComponent() {
        int[] comp = components();
        boolean[] cyclic = onCycles(comp);
        boolean[] reported = new boolean[size()];
        List<List<Integer>> cycles = new ArrayList<>();
        for (int v = 0; v < size(); v++) {
            if (cyclic[v] && !reported[comp[v]]) {
                reported[comp[v]] = true;
                cycles.add(shortestPath(v, v));
            }
        }
        return cycles;
    }

    /**
     * The shortest path from {@code from} to {@code to} (BFS, first-found order), as the list of
     * nodes from {@code from} to {@code to} inclusive, or empty when there is none. With
     * {@code from == to} it returns the shortest cycle through that node (first and last equal).
     */
    public List<Integer> shortestPath(int from, int to) {
        int n = size();
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < outDegree(from); i++) {
            int w = target(from, i);
            if (parent[w] == -2) {
                parent[w] = from;
                queue.add(w);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to) {
                List<Integer> path = new ArrayList<>();
                int cur = v;
                path.add(cur);
                do {
                    cur = parent[cur];
                    path.add(cur);
                } while (cur != from);
                Collections.reverse(path);
                return path;
            }
            for (int i = 0; i < outDegree(v); i++) {
                int w = target(v, i);
                if (parent[w] == -2) {
                    parent[w] = v;
                    queue.add(w);
                }
            }
        }
        return List.of();
    }

    /**
     * Some cycle of the graph as a node list whose first and last entries are equal, preferring
     * the shortest cycle through the lowest-numbered node that lies on one; empty when acyclic.
     */
    public List<Integer> anyCycle() {
        int[] comp = components();
        int[] count = new int[size()];
        for (int c : comp) {
            count[c]++;
        }
        for (int v = 0; v < size(); v++) {
            boolean self = false;
            for (int i = 0; i < outDegree(v); i++) {
                self |= target(v, i) == v;
            }
            if (self || count[comp[v]] > 1) {
                return shortestPath(v, v);
            }
        }
        return List.of();
    }
}
