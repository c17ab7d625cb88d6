package dev.reclaim.doc.layout;

import java.util.List;

/**
 * A laid-out diagram in plain numbers (pixels, origin top left): what a renderer needs and
 * nothing of the layout engine, so the SVG writer does not depend on ELK.
 */
public record Layout(double width, double height, List<Box> nodes, List<Route> edges) {

    public record Point(double x, double y) {}

    /** A node's rectangle; {@code label} is raw user text. */
    public record Box(String id, String label, String kind, double x, double y, double width, double height) {}

    /**
     * An edge as a polyline from the source's border to the target's border (the last segment
     * carries the arrowhead); {@code label} and its top-left corner are null without a label.
     */
    public record Route(String from, String to, List<Point> points, boolean dashed, String label, Point labelAt,
                        double labelWidth, double labelHeight) {}
}
