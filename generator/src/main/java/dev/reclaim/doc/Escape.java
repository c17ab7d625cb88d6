package dev.reclaim.doc;

/** Escaping of user strings (names, doc comments, messages) for each target format. */
public final class Escape {
    private Escape() {
    }

    /** Newlines, tabs and other control characters become single spaces; null becomes "". */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 ? ' ' : c);
        }
        return b.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * Markdown inline text, also safe in a table cell: one line; HTML special characters as
     * entities (no raw HTML such as {@code <script>} survives); Markdown punctuation, pipes and
     * backticks backslash-escaped.
     */
    public static String markdown(String s) {
        String t = oneLine(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Text inside a Mermaid quoted label {@code ["..."]}: one line; quotes, brackets, angle
     * brackets, ampersands, backticks and '#' as Mermaid entity codes ({@code #34;}).
     */
    public static String mermaid(String s) {
        String t = oneLine(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"', '[', ']', '<', '>', '&', '`', '#', '{', '}', '(', ')', '|', ';' -> b.append('#').append((int) c)
                        .append(';');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The inside of a DOT double-quoted string: one line, quotes and backslashes escaped. */
    public static String dot(String s) {
        String t = oneLine(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * HTML and SVG text or attribute value (double- or single-quoted): {@code & < > " '} as
     * entities, so no user string can open a tag ({@code <script>}), close an attribute or start
     * an entity. Newlines and tabs are kept (a doc comment's paragraphs); other control characters,
     * which XML forbids in inline SVG, become spaces. Null becomes "".
     */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n', '\t' -> b.append(c);
                default -> b.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** {@link #html} of the text on one line (labels, table cells, headings). */
    public static String htmlLine(String s) {
        return html(oneLine(s));
    }

    /** A doc comment or other text on one line, unescaped (for diagram labels, escaped when drawn). */
    public static String line(String s) {
        return oneLine(s);
    }
}
