package dev.reclaim.gen.render;

import java.util.List;

/**
 * A Java source file being printed: lines with four-space indentation, {@code \n} line ends, and the
 * two escapes generated text needs. Everything generated is printable ASCII, so the files compile
 * under any {@code -encoding} and read the same everywhere.
 */
final class JavaText {
    /** Javadoc lines are wrapped to this many columns. */
    static final int WIDTH = 100;

    private final StringBuilder out = new StringBuilder();
    private int indent;

    JavaText() {
    }

    /** A fragment that starts at {@code indent} levels, to be {@link #append}ed to a file. */
    JavaText(int indent) {
        this.indent = indent;
    }

    /** Appends a fragment printed separately. */
    JavaText append(JavaText fragment) {
        out.append(fragment.out);
        return this;
    }

    /**
     * Prints one line at the current indentation (an empty string prints an empty line). Further
     * lines of a string with line breaks (a long literal split by {@link #text}) are continuation
     * lines, two levels deeper.
     */
    JavaText line(String s) {
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                out.append("    ".repeat(indent + (i == 0 ? 0 : 2)));
            }
            out.append(lines[i]).append('\n');
        }
        return this;
    }

    JavaText in() {
        indent++;
        return this;
    }

    JavaText out() {
        indent--;
        return this;
    }

    /**
     * A Javadoc comment of paragraphs; null or blank paragraphs are left out, and nothing is printed
     * when none is left. Policy doc comments keep their line breaks.
     */
    JavaText javadoc(List<String> paragraphs) {
        List<String> kept = paragraphs.stream().filter(p -> p != null && !p.isBlank()).toList();
        if (kept.isEmpty()) {
            return this;
        }
        line("/**");
        boolean pre = false;
        for (int i = 0; i < kept.size(); i++) {
            boolean tag = kept.get(i).startsWith("@");
            // a blank line between paragraphs and before the block tags, none between tags
            if (i > 0 && !(tag && kept.get(i - 1).startsWith("@"))) {
                line(" *");
            }
            String[] lines = kept.get(i).strip().split("\n", -1);
            for (int j = 0; j < lines.length; j++) {
                String l = lines[j].stripTrailing();
                boolean para = i > 0 && j == 0 && !tag && !l.startsWith("<");
                if (l.isEmpty()) {
                    line(" *");
                } else {
                    wrapped(" * ", (para ? "<p>" : "") + l, pre);
                }
                pre = (pre || l.contains("<pre>")) && !l.contains("</pre>");
            }
        }
        line(" */");
        return this;
    }

    /**
     * Prints {@code text} after {@code prefix}, broken at spaces so that lines stay within
     * {@link #WIDTH} columns where a space allows; preformatted text is never broken.
     */
    private void wrapped(String prefix, String text, boolean pre) {
        int room = Math.max(40, WIDTH - 4 * indent - prefix.length());
        String rest = text;
        while (!pre && rest.length() > room) {
            int cut = breakBefore(rest, room);
            if (cut <= 0) {
                break;
            }
            line(prefix + rest.substring(0, cut));
            rest = rest.substring(cut + 1).stripLeading();
        }
        line(prefix + rest);
    }

    /**
     * The last space at or before {@code room} outside inline tags ({@code {@code a b}} stays on one
     * line), else the first such space after it; -1 when there is none.
     */
    private static int breakBefore(String text, int room) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ' ' && depth == 0 && i > 0) {
                if (i > room && last > 0) {
                    return last;
                }
                last = i;
                if (i > room) {
                    return i;
                }
            }
        }
        return last;
    }

    JavaText javadoc(String... paragraphs) {
        return javadoc(java.util.Arrays.asList(paragraphs));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Doc-comment text as Javadoc: HTML's specials and {@code @} become entities (a policy's doc is
     * prose, not Javadoc markup), {@code *}{@code /} cannot end the comment, a backslash cannot start
     * a unicode escape (javac reads those even in comments), and non-ASCII becomes a character
     * reference.
     */
    static String doc(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '@' -> b.append("&#64;");
                case '\\' -> b.append("&#92;");
                case '{' -> b.append("&#123;");
                case '}' -> b.append("&#125;");
                case '/' -> b.append(i > 0 && s.charAt(i - 1) == '*' ? "&#47;" : "/");
                case '\r' -> { }
                case '\t' -> b.append(' ');
                default -> {
                    if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
                        b.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                        b.append("&#").append(s.codePointAt(i)).append(';');
                        i++;
                    } else if (c < 0x20 || c == 0x7f) {
                        b.append(' ');
                    } else {
                        b.append("&#").append((int) c).append(';');
                    }
                }
            }
        }
        return b.toString();
    }

    /** Code in Javadoc: {@code {@code name}} with the name escaped as {@link #doc} does. */
    static String code(String s) {
        return "{@code " + doc(s) + "}";
    }

    /**
     * Prose (a doc comment) as a Java expression: one literal per source line, joined by {@code +} on
     * continuation lines, so that a paragraph reads as a paragraph in the generated code.
     */
    static String text(String s) {
        if (s == null || s.indexOf('\n') < 0) {
            return literal(s);
        }
        String[] lines = s.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : "\n+ ").append(literal(lines[i] + (i < lines.length - 1 ? "\n" : "")));
        }
        return b.toString();
    }

    /** A Java string literal, quotes included, or {@code null}; non-ASCII as unicode escapes. */
    static String literal(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
