package dev.reclaim.eclipse.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;

/**
 * Toggle Comment (Ctrl+/): the selected lines are commented with {@code // } at their common
 * indentation, or uncommented when every non-blank one already is. Blank lines are left alone.
 */
final class LineComments {
    private LineComments() {
    }

    static void toggle(IDocument d, int offset, int length) throws BadLocationException {
        int first = d.getLineOfOffset(offset);
        int last = d.getLineOfOffset(offset + length);
        if (last > first && d.getLineOffset(last) == offset + length) {
            last--; // a selection that ends at the start of a line does not take that line
        }
        boolean allCommented = true;
        int indent = Integer.MAX_VALUE;
        for (int l = first; l <= last; l++) {
            String text = line(d, l);
            if (!text.isBlank()) {
                allCommented &= text.stripLeading().startsWith("//");
                indent = Math.min(indent, PolicyAutoIndent.leading(text).length());
            }
        }
        if (indent == Integer.MAX_VALUE) {
            return;
        }
        for (int l = last; l >= first; l--) {
            String text = line(d, l);
            if (text.isBlank()) {
                continue;
            }
            int start = d.getLineOffset(l);
            if (allCommented) {
                int at = start + PolicyAutoIndent.leading(text).length();
                boolean space = text.length() > at - start + 2 && text.charAt(at - start + 2) == ' ';
                d.replace(at, space ? 3 : 2, "");
            } else {
                d.replace(start + indent, 0, "// ");
            }
        }
    }

    private static String line(IDocument d, int line) throws BadLocationException {
        IRegion r = d.getLineInformation(line);
        return d.get(r.getOffset(), r.getLength());
    }
}
