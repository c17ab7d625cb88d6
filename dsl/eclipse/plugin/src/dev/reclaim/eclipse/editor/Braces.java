package dev.reclaim.eclipse.editor;

/**
 * Braces of policy text outside comments and strings, for typing aids that must not be fooled by a
 * brace in a doc comment.
 */
final class Braces {
    private Braces() {
    }

    /** The offset of the innermost brace still open at the end of {@code text}, or -1. */
    static int openAt(String text) {
        int[] open = new int[16];
        int depth = 0;
        String code = code(text);
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '{') {
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = i;
            } else if (ch == '}' && depth > 0) {
                depth--;
            }
        }
        return depth == 0 ? -1 : open[depth - 1];
    }

    /** The offset of the brace that pairs with the one at {@code at} in blanked {@code code}, or -1. */
    static int partner(String code, int at) {
        boolean opens = code.charAt(at) == '{';
        int depth = 0;
        for (int i = at; i >= 0 && i < code.length(); i += opens ? 1 : -1) {
            char ch = code.charAt(i);
            if (ch == '{' || ch == '}') {
                depth += (ch == '{') == opens ? 1 : -1;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * {@code text} with comments and string literals blanked to spaces (same length, line breaks
     * kept), so that offsets still match.
     */
    static String code(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < b.length()) {
            char ch = b.charAt(i);
            int end;
            if (ch == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                end = indexOrEnd(b, "\n", i);
            } else if (ch == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int close = b.indexOf("*/", i + 2);
                end = close < 0 ? b.length() : close + 2;
            } else if (ch == '"') {
                end = i + 1;
                while (end < b.length() && b.charAt(end) != '"' && b.charAt(end) != '\n') {
                    end += b.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(b.length(), end + 1);
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (b.charAt(j) != '\n' && b.charAt(j) != '\r') {
                    b.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return b.toString();
    }

    private static int indexOrEnd(StringBuilder b, String s, int from) {
        int at = b.indexOf(s, from);
        return at < 0 ? b.length() : at;
    }
}
