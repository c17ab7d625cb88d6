package dev.reclaim.doc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaim.doc.layout.ElkLayouter;
import dev.reclaim.doc.layout.Graph;
import dev.reclaim.doc.layout.Layout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ELK layout and the SVG drawn from it: geometry that respects the direction, escaping, same bytes twice. */
class SvgRendererTest {
    private static Graph hostile() {
        return new Graph(Graph.Direction.DOWN)
                .node("a", "<script>alert(1)</script>", "thread")
                .node("b", "\"q\" & 'x' */ `t` | p", "instance")
                .node("c", "plain", "instance")
                .edge("a", "b", "<on>", true)
                .edge("b", "c", "on", false)
                .edge("a", "c", null, false)
                .edge("a", "missing", null, false);
    }

    @Test
    void layoutIsLayeredAlongTheDirection() {
        Layout l = new ElkLayouter().layout(hostile());
        assertEquals(3, l.nodes().size());
        assertEquals(3, l.edges().size(), "the edge to an unknown node is dropped");
        Layout.Box a = l.nodes().get(0);
        Layout.Box b = l.nodes().get(1);
        Layout.Box c = l.nodes().get(2);
        assertTrue(a.y() + a.height() <= b.y() && b.y() + b.height() <= c.y(), l.toString());
        for (Layout.Route r : l.edges()) {
            assertTrue(r.points().size() >= 2, r.toString());
        }
        // a -> c skips b's layer: the router bends it around b (orthogonal routing)
        assertTrue(l.edges().get(2).points().size() > 2 || l.edges().get(2).points().get(0).x() != b.x(),
                l.edges().get(2).toString());
        Layout up = new ElkLayouter().layout(new Graph(Graph.Direction.UP).node("x", "x", "layer").node("y", "y", "layer")
                .edge("x", "y", null, false));
        assertTrue(up.nodes().get(1).y() + up.nodes().get(1).height() <= up.nodes().get(0).y(), up.toString());
    }

    @Test
    void svgEscapesLabelsAndIsDeterministic() {
        String svg = new SvgRenderer().render("d", "<title> & \"x\"", new ElkLayouter().layout(hostile()));
        assertEquals(svg, new SvgRenderer().render("d", "<title> & \"x\"", new ElkLayouter().layout(hostile())));
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), svg);
        assertTrue(svg.contains("&quot;q&quot; &amp; &#39;x&#39; */ `t` | p"), svg);
        assertTrue(svg.contains("<title>&lt;title&gt; &amp; &quot;x&quot;</title>"), svg);
        assertTrue(svg.contains("&lt;on&gt;</text>"), svg);
        assertEquals(3, count(svg, "<polygon "), "one arrowhead per edge");
        assertEquals(3, count(svg, "<rect "));
        assertEquals(1, count(svg, "stroke-dasharray"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    }

    @Test
    void numbersAreStable() {
        assertEquals(List.of("0", "0", "1.5", "12", "-3.2"), List.of(SvgRenderer.n(-0.01), SvgRenderer.n(0),
                SvgRenderer.n(1.5), SvgRenderer.n(12.04), SvgRenderer.n(-3.249)));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
