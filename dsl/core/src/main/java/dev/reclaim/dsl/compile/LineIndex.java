package dev.reclaim.dsl.compile;

import java.util.Arrays;

import dev.reclaim.model.SourcePos;

/** Converts between offsets and 1-based line/column positions of one text. */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    public LineIndex(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.length = text.length();
    }

    public SourcePos pos(String file, int offset, int len) {
        int start = Math.min(Math.max(offset, 0), length);
        int end = Math.min(start + Math.max(len, 0), length);
        int sl = line(start);
        int el = line(end);
        return new SourcePos(file, sl + 1, start - starts[sl] + 1, el + 1, end - starts[el] + 1);
    }

    /** The offset of a 1-based line and column, clamped into the text. */
    public int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > starts.length) {
            return length;
        }
        return Math.min(starts[line - 1] + Math.max(column, 1) - 1, length);
    }

    private int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
