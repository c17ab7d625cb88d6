package dev.reclaim.doc.html;

import static dev.reclaim.doc.Escape.html;

import dev.reclaim.doc.layout.Layout;
import dev.reclaim.doc.layout.TextMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Layout} as inline SVG: rectangles (rounded for threads), centred labels, edge
 * routes through their bend points, an arrowhead polygon at each target and the edge labels where
 * the layout put them. Styling is in presentation attributes, not CSS classes, so the SVG looks the
 * same when copied out of the page; arrowheads are polygons, not markers, because marker ids would
 * have to be unique across the several SVGs of one page.
 */
public final class SvgRenderer {
    private static final double ARROW_LENGTH = 8;
    private static final double ARROW_HALF_WIDTH = 4;

    /** Fill and stroke per node kind; kinds are fixed words chosen by {@link Diagrams}. */
    private static final Map<String, String[]> STYLE = Map.of(
            "layer", new String[] { "#e8f0fe", "#3367d6" },
            "context", new String[] { "#fef7e0", "#b06000" },
            "instance", new String[] { "#e6f4ea", "#137333" },
            "thread", new String[] { "#fce8e6", "#a50e0e" },
            "kswapd", new String[] { "#f3e8fd", "#7627bb" });
    private static final String[] DEFAULT_STYLE = { "#f1f3f4", "#5f6368" };

    /** {@code name}: a fixed word for the diagram (data-diagram attribute); {@code title}: user text. */
    public String render(String name, String title, Layout layout) {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" data-diagram=\"").append(html(name))
                .append("\" width=\"").append(n(layout.width())).append("\" height=\"").append(n(layout.height()))
                .append("\" viewBox=\"0 0 ").append(n(layout.width())).append(' ').append(n(layout.height()))
                .append("\" role=\"img\" font-family=\"monospace\" font-size=\"").append(n(TextMetrics.FONT_SIZE))
                .append("\">\n");
        b.append("<title>").append(html(title)).append("</title>\n");
        for (Layout.Route r : layout.edges()) {
            edge(b, r);
        }
        for (Layout.Box box : layout.nodes()) {
            node(b, box);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void node(StringBuilder b, Layout.Box box) {
        String[] style = STYLE.getOrDefault(box.kind(), DEFAULT_STYLE);
        boolean round = box.kind().equals("thread") || box.kind().equals("kswapd");
        b.append("<g class=\"node ").append(html(box.kind())).append("\"><rect x=\"").append(n(box.x()))
                .append("\" y=\"").append(n(box.y())).append("\" width=\"").append(n(box.width()))
                .append("\" height=\"").append(n(box.height())).append("\" rx=\"")
                .append(round ? n(box.height() / 2) : "3").append("\" fill=\"").append(style[0])
                .append("\" stroke=\"").append(style[1]).append("\"/>");
        b.append("<text x=\"").append(n(box.x() + box.width() / 2)).append("\" y=\"")
                .append(n(box.y() + box.height() / 2)).append("\" text-anchor=\"middle\" dominant-baseline=\"central\">")
                .append(html(box.label())).append("</text></g>\n");
    }

    private static void edge(StringBuilder b, Layout.Route r) {
        List<Layout.Point> p = r.points();
        if (p.size() < 2) {
            return;
        }
        b.append("<g class=\"edge\"><path d=\"");
        for (int i = 0; i < p.size(); i++) {
            b.append(i == 0 ? "M" : " L").append(n(p.get(i).x())).append(' ').append(n(p.get(i).y()));
        }
        b.append("\" fill=\"none\" stroke=\"#5f6368\"").append(r.dashed() ? " stroke-dasharray=\"5 3\"" : "")
                .append("/>");
        arrow(b, p.get(p.size() - 2), p.get(p.size() - 1));
        if (r.label() != null) {
            b.append("<text x=\"").append(n(r.labelAt().x() + r.labelWidth() / 2)).append("\" y=\"")
                    .append(n(r.labelAt().y() + r.labelHeight() / 2))
                    .append("\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#5f6368\">")
                    .append(html(r.label())).append("</text>");
        }
        b.append("</g>\n");
    }

    /** A triangle whose tip is the route's end, pointing along its last segment. */
    private static void arrow(StringBuilder b, Layout.Point from, Layout.Point tip) {
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double bx = tip.x() - ux * ARROW_LENGTH;
        double by = tip.y() - uy * ARROW_LENGTH;
        b.append("<polygon points=\"").append(n(tip.x())).append(',').append(n(tip.y())).append(' ')
                .append(n(bx - uy * ARROW_HALF_WIDTH)).append(',').append(n(by + ux * ARROW_HALF_WIDTH)).append(' ')
                .append(n(bx + uy * ARROW_HALF_WIDTH)).append(',').append(n(by - ux * ARROW_HALF_WIDTH))
                .append("\" fill=\"#5f6368\"/>");
    }

    /** One decimal, no trailing ".0", never "-0": stable text for the same coordinates. */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
