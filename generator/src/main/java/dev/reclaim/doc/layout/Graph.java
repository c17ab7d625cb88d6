package dev.reclaim.doc.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A diagram before layout: nodes with a label and a kind (which the renderer turns into a shape
 * and a style), directed edges with an optional label. Insertion order is kept and is the only
 * order the layout sees, so the same graph always lays out the same way.
 */
public final class Graph {
    /** Where edges point: the layer order reads bottom-up, stacks and the lattice top-down. */
    public enum Direction { DOWN, UP }

    /** {@code kind}: a CSS-safe word chosen by the caller (never user text). */
    public record Node(String id, String label, String kind) {}

    /** {@code label} may be null; {@code dashed} for "serves"-like relations. */
    public record Edge(String from, String to, String label, boolean dashed) {}

    private final Direction direction;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    public Graph(Direction direction) {
        this.direction = direction;
    }

    public Graph node(String id, String label, String kind) {
        nodes.add(new Node(id, label, kind));
        return this;
    }

    public Graph edge(String from, String to, String label, boolean dashed) {
        edges.add(new Edge(from, to, label, dashed));
        return this;
    }

    public Direction direction() {
        return direction;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }
}
