package dev.reclaim.cli;

/** A minimal JSON writer: deterministic output (fields in the order written), two-space indents. */
public final class Json {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    public Json beginObject() {
        value();
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    public Json endObject() {
        depth--;
        if (!first) {
            newline();
        }
        out.append('}');
        first = false;
        return this;
    }

    public Json beginArray() {
        value();
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    public Json endArray() {
        depth--;
        if (!first) {
            newline();
        }
        out.append(']');
        first = false;
        return this;
    }

    public Json name(String name) {
        if (!first) {
            out.append(',');
        }
        newline();
        string(name);
        out.append(": ");
        first = true;
        pendingName = true;
        return this;
    }

    public Json value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        first = false;
        return this;
    }

    public Json value(long n) {
        value();
        out.append(n);
        first = false;
        return this;
    }

    public Json value(boolean b) {
        value();
        out.append(b);
        first = false;
        return this;
    }

    private boolean pendingName;

    private void value() {
        if (pendingName) {
            pendingName = false;
            return;
        }
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
