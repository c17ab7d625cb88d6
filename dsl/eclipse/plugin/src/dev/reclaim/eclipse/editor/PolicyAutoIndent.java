package dev.reclaim.eclipse.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Indentation while typing, as the formatter lays policies out (four spaces per brace level): a new
 * line keeps the indentation of the line it breaks, one level deeper after an opening brace, and
 * breaking between braces puts the closing one on its own line; a closing brace typed at the start
 * of a line moves to the indentation of the line that opened it.
 */
final class PolicyAutoIndent implements IAutoEditStrategy {
    static final String INDENT = "    ";

    @Override
    public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
        if (command.length != 0 || command.text == null) {
            return;
        }
        try {
            if (TextUtilities.equals(document.getLegalLineDelimiters(), command.text) != -1) {
                newline(document, command);
            } else if ("}".equals(command.text)) {
                closingBrace(document, command);
            }
        } catch (BadLocationException e) {
            // leave the command as typed: indentation is a convenience
        }
    }

    private static void newline(IDocument d, DocumentCommand c) throws BadLocationException {
        IRegion line = d.getLineInformationOfOffset(c.offset);
        String before = d.get(line.getOffset(), c.offset - line.getOffset());
        String after = d.get(c.offset, line.getOffset() + line.getLength() - c.offset);
        String indent = leading(before);
        boolean opens = Braces.code(before).stripTrailing().endsWith("{");
        String delimiter = c.text;
        if (opens && after.stripLeading().startsWith("}")) {
            c.length = after.length() - after.stripLeading().length();
            c.text = delimiter + indent + INDENT + delimiter + indent;
            c.caretOffset = c.offset + delimiter.length() + indent.length() + INDENT.length();
            c.shiftsCaret = false;
        } else {
            c.text = delimiter + indent + (opens ? INDENT : "");
        }
    }

    private static void closingBrace(IDocument d, DocumentCommand c) throws BadLocationException {
        IRegion line = d.getLineInformationOfOffset(c.offset);
        String before = d.get(line.getOffset(), c.offset - line.getOffset());
        if (!before.isBlank()) {
            return;
        }
        int open = Braces.openAt(d.get(0, c.offset));
        if (open < 0) {
            return;
        }
        IRegion openLine = d.getLineInformationOfOffset(open);
        c.offset = line.getOffset();
        c.length = before.length();
        c.text = leading(d.get(openLine.getOffset(), openLine.getLength())) + "}";
    }

    static String leading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
