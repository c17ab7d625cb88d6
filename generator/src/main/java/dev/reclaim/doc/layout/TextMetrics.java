package dev.reclaim.doc.layout;

/**
 * Label sizes without a font renderer: the diagrams use a monospace font, so a label's width is
 * its length times a fixed advance. Measuring with AWT would depend on the machine's fonts and
 * break the same-input-same-bytes promise.
 */
public final class TextMetrics {
    /** The SVG's font size in px; monospace advance is 0.6 em in common monospace fonts. */
    public static final double FONT_SIZE = 12;
    public static final double ADVANCE = FONT_SIZE * 0.6;
    public static final double LINE_HEIGHT = FONT_SIZE * 1.4;

    private TextMetrics() {
    }

    /** Width in px of one line of text (code points, so non-ASCII names count once). */
    public static double width(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length()) * ADVANCE;
    }
}
